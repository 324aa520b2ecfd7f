package io.github.cameltextme.examples.otpservice;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cameltextme.otp.TextMeOtpRateLimitException;
import io.github.cameltextme.otp.TextMeOtpResult;

/**
 * The JSON answers of the service, as maps that the routes marshal.
 */
public final class OtpAnswers {

    private OtpAnswers() {
    }

    /** {@code {"sent": true, "phone": "05XXXXXXXX", "shipmentId": "..."}}; the shipment id only when TextMe gave one. */
    public static Map<String, Object> sent(TextMeOtpResult result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sent", true);
        answer.put("phone", result.getPhone());
        if (result.getShipmentId() != null) {
            answer.put("shipmentId", result.getShipmentId());
        }
        return answer;
    }

    /** {@code {"valid": true|false}}. */
    public static Map<String, Object> verified(TextMeOtpResult result) {
        return Map.of("valid", result.getValid());
    }

    /** {@code {"error": "<reason>"}}. */
    public static Map<String, Object> error(String reason) {
        return Map.of("error", reason);
    }

    /**
     * {@code {"error": "too many requests, try again in 30 s", "retryAfterSeconds": 30}}: the wait, never the limit that
     * refused (the component's meters count it), the phone nor the client.
     */
    public static Map<String, Object> limited(TextMeOtpRateLimitException refusal) {
        long seconds = refusal.getRetryAfter().toSeconds();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", "too many requests, try again in " + seconds + " s");
        answer.put("retryAfterSeconds", seconds);
        return answer;
    }
}
