package io.github.cameltextme.examples.otpservice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the service reads from the environment itself; everything else is in application.properties.
 *
 * @param port           the HTTP port ({@code OTP_SERVICE_PORT}, default 8080)
 * @param demoOnce       exit after the start-up walk-through ({@code OTP_DEMO_ONCE=1})
 * @param limitsRedisUrl the Redis the send limits count in ({@code TEXTME_LIMITS_REDIS_URL}, e.g.
 *                       {@code redis://127.0.0.1:6379}); blank means "in this process's memory"
 */
public record OtpServiceSettings(int port, boolean demoOnce, String limitsRedisUrl) {

    static final int DEFAULT_PORT = 8080;

    /** The settings from environment variables. */
    public static OtpServiceSettings fromEnvironment(Map<String, String> environment) {
        String port = environment.get("OTP_SERVICE_PORT");
        return new OtpServiceSettings(
                port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.strip()),
                "1".equals(environment.get("OTP_DEMO_ONCE")) || "true".equalsIgnoreCase(environment.get("OTP_DEMO_ONCE")),
                environment.getOrDefault("TEXTME_LIMITS_REDIS_URL", "").strip());
    }

    /**
     * The TextMe settings of the environment ({@code TEXTME_USERNAME}, {@code TEXTME_API_TOKEN}, {@code TEXTME_SOURCE},
     * {@code TEXTME_BASE_URL}) as the component's properties; those not set or blank are left out, so that they count
     * as not given.
     */
    public static Map<String, String> textMeProperties(Map<String, String> environment) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (TextMeSetting setting : TextMeSetting.values()) {
            String value = environment.get(setting.variable());
            if (value != null && !value.isBlank()) {
                properties.put(setting.property(), value.strip());
            }
        }
        return properties;
    }

    /** Whether the send limits count in Redis, shared with every instance that uses the same Redis. */
    public boolean usesRedisLimits() {
        return limitsRedisUrl != null && !limitsRedisUrl.isBlank();
    }
}
