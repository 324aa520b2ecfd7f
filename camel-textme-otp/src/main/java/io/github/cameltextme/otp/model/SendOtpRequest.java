package io.github.cameltextme.otp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import io.github.cameltextme.otp.TextMeOtpOperation;
import io.github.cameltextme.otp.util.Masking;

/**
 * The {@code send_otp} request: phone as a string (to keep its leading 0), numbers as JSON numbers, and {@code text}
 * only when set.
 */
@JsonRootName("send_otp")
@JsonPropertyOrder({ "user", "phone", "source", "app_id", "max_tries", "valid_time", "text" })
public record SendOtpRequest(
        @JsonProperty("user") ApiUser user,
        @JsonProperty("phone") String phone,
        @JsonProperty("source") String source,
        @JsonProperty("app_id") int appId,
        @JsonProperty("max_tries") int maxTries,
        @JsonProperty("valid_time") int validTime,
        @JsonProperty("text") @JsonInclude(JsonInclude.Include.NON_NULL) String text)
        implements ApiRequest {

    @Override
    public Optional<TextMeOtpOperation> operation() {
        return Optional.of(TextMeOtpOperation.send);
    }

    @Override
    public String apiCommand() {
        return TextMeOtpOperation.send.apiCommand();
    }

    @Override
    public String toString() {
        return "SendOtpRequest[user=" + user.username() + ", phone=" + Masking.phone(phone) + ", source=" + source
               + ", appId=" + appId + ", maxTries=" + maxTries + ", validTime=" + validTime + ", text="
               + (text != null ? "set" : "default") + "]";
    }
}
