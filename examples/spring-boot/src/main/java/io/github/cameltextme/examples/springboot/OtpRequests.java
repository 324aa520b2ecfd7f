package io.github.cameltextme.examples.springboot;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.cameltextme.otp.TextMeOtpValidationException;

/**
 * Reads a request body, strictly: a JSON object in UTF-8 whose fields are exactly those of the endpoint, each a JSON
 * string. {@code POST /otp/send} takes {@code phone}; {@code POST /otp/verify} takes {@code phone} and {@code code}.
 * Anything else is refused before anything is sent, naming the field and the rule: an unknown field, such as a sender
 * or an SMS text a caller would like to choose, a number, an object or an array in place of a string, a missing field.
 */
public final class OtpRequests {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** A field name short and plain enough to be named back to the caller; any other is not repeated. */
    private static final Pattern NAMEABLE_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
    private static final List<String> SEND_FIELDS = List.of("phone");
    private static final List<String> VERIFY_FIELDS = List.of("phone", "code");

    private OtpRequests() {
    }

    /** The phone of a {@code POST /otp/send} body, {@code {"phone": "..."}}. */
    public static String phoneToSend(byte[] body) {
        return fields(body, SEND_FIELDS).get("phone");
    }

    /** The phone and the code of a {@code POST /otp/verify} body, {@code {"phone": "...", "code": "..."}}. */
    public static Map<String, String> phoneAndCodeToVerify(byte[] body) {
        return fields(body, VERIFY_FIELDS);
    }

    private static Map<String, String> fields(byte[] body, List<String> names) {
        JsonNode request = parse(body);
        Iterator<String> given = request.fieldNames();
        while (given.hasNext()) {
            String field = given.next();
            if (!names.contains(field)) {
                throw NAMEABLE_FIELD.matcher(field).matches()
                        ? new TextMeOtpValidationException(field, "is not a field of this request")
                        : new TextMeOtpValidationException("request", "has a field this endpoint does not take");
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode value = request.get(name);
            if (value == null || value.isNull()) {
                throw new TextMeOtpValidationException(name, "is required");
            }
            if (!value.isTextual()) {
                throw new TextMeOtpValidationException(name, "must be a JSON string");
            }
            fields.put(name, value.textValue());
        }
        return fields;
    }

    private static JsonNode parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body != null ? body : new byte[0]))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NotJsonException();
        }
        if (text.isBlank()) {
            throw new NotAJsonObjectException();
        }
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new NotJsonException();
        }
        if (!request.isObject()) {
            throw new NotAJsonObjectException();
        }
        return request;
    }

    /** The request body is not JSON in UTF-8: a syntax error, trailing text, a field given twice. */
    public static final class NotJsonException extends RuntimeException {

        NotJsonException() {
            super("the request body is not valid JSON", null, false, false);
        }
    }

    /** The request body is JSON but not an object (an array, a string, a number, {@code null}), or empty. */
    public static final class NotAJsonObjectException extends RuntimeException {

        NotAJsonObjectException() {
            super("the request body must be a JSON object", null, false, false);
        }
    }
}
