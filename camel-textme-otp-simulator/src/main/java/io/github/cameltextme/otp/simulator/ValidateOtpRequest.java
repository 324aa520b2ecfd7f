package io.github.cameltextme.otp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A checked {@code validate_otp} request. */
record ValidateOtpRequest(PhoneNumber phone, int appId, String code) {

    static ValidateOtpRequest from(CommandFields fields) {
        PhoneNumber phone = fields.phone();
        int appId = fields.appId();
        String code = codeAsSent(fields.required("code"), fields.name("code"));
        return new ValidateOtpRequest(phone, appId, code);
    }

    /** A string is compared as sent; a whole number lost its leading zeros, so it is zero-padded to six digits. */
    private static String codeAsSent(JsonNode value, String fieldName) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return String.format(Locale.ROOT, "%06d", value.bigIntegerValue());
        }
        throw new ApiFailure(ApiStatus.INVALID_VALUE, fieldName + " must be a string or a whole number");
    }
}
