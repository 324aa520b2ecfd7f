package io.github.cameltextme.otp.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRootName;
import io.github.cameltextme.otp.TextMeOtpOperation;

/**
 * The {@code balance} request, which the health check uses to prove reachability and credentials without sending an
 * SMS.
 */
@JsonRootName(BalanceRequest.API_COMMAND)
public record BalanceRequest(@JsonProperty("user") ApiUser user) implements ApiRequest {

    /** The API command, the body's root element. */
    public static final String API_COMMAND = "balance";

    @Override
    public Optional<TextMeOtpOperation> operation() {
        return Optional.empty();
    }

    @Override
    public String apiCommand() {
        return API_COMMAND;
    }
}
