package io.github.cameltextme.examples.otpservice;

import java.util.Collection;
import java.util.Map;

import io.github.cameltextme.otp.TextMeOtpValidationException;

/**
 * The fields the routes take from a request's JSON object: {@code phone} and {@code code}, each a JSON string (a number
 * is taken as its digits). An object or an array in their place, such as a nested object carrying a sender and an SMS
 * text, is refused before anything is sent; any other field is ignored.
 */
public final class OtpRequests {

    private OtpRequests() {
    }

    /** The request's {@code phone}; {@code null} when absent (the component then says it is required). */
    public static String phone(Map<String, Object> request) {
        return text(request, "phone");
    }

    /** The request's {@code code}; {@code null} when absent (the component then says it is required). */
    public static String code(Map<String, Object> request) {
        return text(request, "code");
    }

    private static String text(Map<String, Object> request, String field) {
        Object value = request != null ? request.get(field) : null;
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new TextMeOtpValidationException(field, "must be a JSON string");
        }
        return value != null ? value.toString() : null;
    }
}
