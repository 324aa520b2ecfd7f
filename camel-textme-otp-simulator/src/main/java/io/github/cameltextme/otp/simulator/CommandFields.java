package io.github.cameltextme.otp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed access to the fields of one command object (the value under {@code send_otp}, {@code validate_otp}, ...).
 * A field is missing when it is absent, {@code null} or an empty string. Numbers may arrive as JSON numbers or as
 * strings of digits; texts such as a phone may arrive as strings or as whole JSON numbers.
 */
final class CommandFields {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    private final String command;
    private final JsonNode fields;

    CommandFields(String command, JsonNode fields) {
        this.command = command;
        this.fields = fields;
    }

    /** The field's value, or empty when it is missing. */
    Optional<JsonNode> optional(String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull() || value.isTextual() && value.textValue().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The field's value; a missing field fails with status 2 naming it. */
    JsonNode required(String name) {
        return optional(name).orElseThrow(() -> missing(name));
    }

    /** {@code user.username}: missing fails with status 2, a non-text value with status 993. */
    String username() {
        JsonNode user = fields.get("user");
        JsonNode username = user == null ? null : user.get("username");
        if (username == null || username.isNull() || username.isTextual() && username.textValue().isBlank()) {
            throw missing("user.username");
        }
        if (!username.isTextual()) {
            throw new ApiFailure(ApiStatus.USERNAME_VALIDATION, name("user.username") + " must be a string");
        }
        return username.textValue();
    }

    /** {@code phone}: required, {@code 5XXXXXXXX} or {@code 05XXXXXXXX} as a string or number, else status 9. */
    PhoneNumber phone() {
        return textOrDigits(required("phone"))
                .flatMap(PhoneNumber::parse)
                .orElseThrow(() -> new ApiFailure(ApiStatus.BAD_DESTINATION,
                        name("phone") + " must be an Israeli mobile number, 5XXXXXXXX or 05XXXXXXXX"));
    }

    /** {@code app_id}: optional (default 1), a whole number of at least 1. */
    int appId() {
        return wholeNumber("app_id", 1, 1, Integer.MAX_VALUE);
    }

    /** An optional whole number within {@code min..max}; anything else fails with status 998. */
    int wholeNumber(String name, int defaultValue, int min, int max) {
        Optional<JsonNode> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Optional<Integer> number = asInt(value.get());
        if (number.isEmpty() || number.get() < min || number.get() > max) {
            String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            throw new ApiFailure(ApiStatus.INVALID_VALUE, name(name) + " must be a whole number " + range);
        }
        return number.get();
    }

    /** The text of a string, or the digits of a whole JSON number; empty for other kinds of value. */
    static Optional<String> textOrDigits(JsonNode value) {
        if (value.isTextual()) {
            return Optional.of(value.textValue());
        }
        if (value.isIntegralNumber()) {
            return Optional.of(value.bigIntegerValue().toString());
        }
        return Optional.empty();
    }

    /** The full name of a field for messages, e.g. {@code send_otp.phone}. */
    String name(String field) {
        return command + "." + field;
    }

    private ApiFailure missing(String field) {
        return new ApiFailure(ApiStatus.MISSING_FIELD, "missing required field " + name(field));
    }

    private static Optional<Integer> asInt(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return Optional.of(value.intValue());
        }
        if (value.isTextual() && DIGITS.matcher(value.textValue()).matches()) {
            return Optional.of(Integer.parseInt(value.textValue()));
        }
        return Optional.empty();
    }
}
