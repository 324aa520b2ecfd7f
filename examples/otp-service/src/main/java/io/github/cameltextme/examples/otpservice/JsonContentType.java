package io.github.cameltextme.examples.otpservice;

import java.util.Locale;

import org.apache.camel.Header;

/**
 * The one content type the endpoints take: {@code application/json}, in UTF-8, JSON's own encoding, whether the
 * request says {@code charset=utf-8} or nothing. Another media type or charset, a charset Java does not know included,
 * or no {@code Content-Type} at all, is refused before the body is read.
 */
public final class JsonContentType {

    /** What a request that is not JSON in UTF-8 is told. */
    static final String REFUSAL = "the request body must be JSON in UTF-8, sent as application/json";

    private JsonContentType() {
    }

    /** Refuses the request unless its {@code Content-Type} is JSON in UTF-8. */
    public static void require(@Header("Content-Type") String contentType) {
        if (!isJsonInUtf8(contentType)) {
            throw new NotJsonInUtf8Exception();
        }
    }

    static boolean isJsonInUtf8(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                String charset = parameter.length > 1 ? parameter[1].strip().replace("\"", "") : "";
                if (!charset.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The request is not {@code application/json} in UTF-8. */
    public static final class NotJsonInUtf8Exception extends RuntimeException {

        NotJsonInUtf8Exception() {
            super(REFUSAL, null, false, false);
        }
    }
}
