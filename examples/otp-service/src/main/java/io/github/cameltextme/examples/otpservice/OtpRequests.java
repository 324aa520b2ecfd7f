package io.github.cameltextme.examples.otpservice;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltextme.otp.TextMeOtpValidationException;

/**
 * The fields the routes take from a request's JSON object: {@code phone} and {@code code}, each a JSON string (a number
 * is taken as its digits). An object or an array in their place, such as a nested object carrying a sender and an SMS
 * text, is refused before anything is sent; any other field is ignored.
 */
public final class OtpRequests {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<Map<String, Object>> REQUEST = new TypeReference<>() {
    };

    private OtpRequests() {
    }

    /**
     * The request body read as a JSON object.
     *
     * @throws JsonParseException        when it is not JSON, trailing text included
     * @throws JsonProcessingException   when it is JSON but not an object (an array, a string, a number)
     * @throws NotAJsonObjectException   when it is empty or JSON {@code null}
     */
    public static Map<String, Object> object(String body) throws JsonProcessingException {
        Map<String, Object> request = body == null || body.isBlank() ? null : JSON.readValue(body, REQUEST);
        if (request == null) {
            throw new NotAJsonObjectException();
        }
        return request;
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

    /** The request body is not a JSON object: empty, or JSON {@code null}. */
    public static final class NotAJsonObjectException extends RuntimeException {

        NotAJsonObjectException() {
            super("the request body must be a JSON object", null, false, false);
        }
    }
}
