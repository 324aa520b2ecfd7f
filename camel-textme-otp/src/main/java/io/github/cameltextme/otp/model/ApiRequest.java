package io.github.cameltextme.otp.model;

import java.util.Optional;

import io.github.cameltextme.otp.TextMeOtpOperation;

/**
 * A request body for the TextMe API. Each implementation names its root element with {@code @JsonRootName}.
 */
public sealed interface ApiRequest permits SendOtpRequest, ValidateOtpRequest, BalanceRequest {

    /** The OTP operation this request performs; empty for the health check's balance call, which is none. */
    Optional<TextMeOtpOperation> operation();

    /** The root element of the body, which selects the command in the TextMe API. */
    String apiCommand();
}
