package io.github.cameltextme.otp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** A checked {@code send_otp} request. */
record SendOtpRequest(PhoneNumber phone, String source, int appId, int maxTries, Duration validTime, String text) {

    static final String CODE_PLACEHOLDER = "[code]";
    static final String DEFAULT_TEXT = "the code is " + CODE_PLACEHOLDER;
    static final int MAX_TEXT_LENGTH = 1005;

    /** Reads and checks every field, failing with the first problem found. */
    static SendOtpRequest from(CommandFields fields, SenderPolicy senders) {
        PhoneNumber phone = fields.phone();
        String source = CommandFields.textOrDigits(fields.required("source"))
                .map(value -> senders.check(value, fields.name("source")))
                .orElseThrow(() -> new ApiFailure(ApiStatus.SOURCE_VALIDATION, fields.name("source") + " must be a string"));
        int appId = fields.appId();
        int maxTries = fields.wholeNumber("max_tries", 3, 3, 5);
        int validMinutes = fields.wholeNumber("valid_time", 5, 1, 15);
        String text = fields.optional("text").map(value -> checkText(value, fields.name("text"))).orElse(DEFAULT_TEXT);
        return new SendOtpRequest(phone, source, appId, maxTries, Duration.ofMinutes(validMinutes), text);
    }

    /** The SMS text with {@code code} in place of every {@code [code]}. */
    String textWith(String code) {
        return text.replace(CODE_PLACEHOLDER, code);
    }

    private static String checkText(JsonNode value, String fieldName) {
        if (!value.isTextual()) {
            throw new ApiFailure(ApiStatus.INVALID_VALUE, fieldName + " must be a string");
        }
        String text = value.textValue();
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw new ApiFailure(ApiStatus.MESSAGE_LENGTH, fieldName + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (!text.contains(CODE_PLACEHOLDER)) {
            throw new ApiFailure(ApiStatus.INVALID_VALUE, fieldName + " must contain " + CODE_PLACEHOLDER);
        }
        return text;
    }
}
