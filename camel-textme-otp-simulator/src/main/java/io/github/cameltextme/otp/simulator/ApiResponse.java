package io.github.cameltextme.otp.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body of an API answer: {@code status}, {@code message} and any extra fields, in that order. */
record ApiResponse(int status, String message, Map<String, Object> extraFields) {

    ApiResponse {
        extraFields = Map.copyOf(extraFields);
    }

    static ApiResponse success(String message) {
        return new ApiResponse(ApiStatus.SUCCESS, message, Map.of());
    }

    static ApiResponse failure(int status, String message) {
        return new ApiResponse(status, message, Map.of());
    }

    ApiResponse with(String name, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>(extraFields);
        fields.put(name, value);
        return new ApiResponse(status, message, fields);
    }

    Map<String, Object> toJsonObject() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("message", message);
        json.putAll(extraFields);
        return json;
    }
}
