package io.github.cameltextme.otp.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import io.github.cameltextme.otp.TextMeOtpOperation;
import io.github.cameltextme.otp.util.Masking;

/**
 * The {@code validate_otp} request: phone and code as strings, so that leading zeros survive.
 */
@JsonRootName("validate_otp")
@JsonPropertyOrder({ "user", "phone", "app_id", "code" })
public record ValidateOtpRequest(
        @JsonProperty("user") ApiUser user,
        @JsonProperty("phone") String phone,
        @JsonProperty("app_id") int appId,
        @JsonProperty("code") String code)
        implements ApiRequest {

    @Override
    public Optional<TextMeOtpOperation> operation() {
        return Optional.of(TextMeOtpOperation.validate);
    }

    @Override
    public String apiCommand() {
        return TextMeOtpOperation.validate.apiCommand();
    }

    /** Never shows the code. */
    @Override
    public String toString() {
        return "ValidateOtpRequest[user=" + user.username() + ", phone=" + Masking.phone(phone) + ", appId=" + appId
               + ", code=******]";
    }
}
