package io.github.cameltextme.examples.otpservice;

import java.util.Map;

/**
 * What the service reads from the environment itself; everything else is in application.properties.
 *
 * @param apiToken       the TextMe API token ({@code TEXTME_API_TOKEN}); blank means "run on the embedded simulator"
 * @param port           the HTTP port ({@code OTP_SERVICE_PORT}, default 8080)
 * @param demoOnce       exit after the start-up walk-through ({@code OTP_DEMO_ONCE=1})
 * @param limitsRedisUrl the Redis the send limits count in ({@code TEXTME_LIMITS_REDIS_URL}, e.g.
 *                       {@code redis://127.0.0.1:6379}); blank means "in this process's memory"
 */
public record OtpServiceSettings(String apiToken, int port, boolean demoOnce, String limitsRedisUrl) {

    static final int DEFAULT_PORT = 8080;

    /** The settings from environment variables. */
    public static OtpServiceSettings fromEnvironment(Map<String, String> environment) {
        String port = environment.get("OTP_SERVICE_PORT");
        return new OtpServiceSettings(
                environment.getOrDefault("TEXTME_API_TOKEN", ""),
                port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.strip()),
                "1".equals(environment.get("OTP_DEMO_ONCE")) || "true".equalsIgnoreCase(environment.get("OTP_DEMO_ONCE")),
                environment.getOrDefault("TEXTME_LIMITS_REDIS_URL", "").strip());
    }

    /** Whether the service runs on the embedded simulator, for want of a token. */
    public boolean usesSimulator() {
        return apiToken == null || apiToken.isBlank();
    }

    /** Whether the send limits count in Redis, shared with every instance that uses the same Redis. */
    public boolean usesRedisLimits() {
        return limitsRedisUrl != null && !limitsRedisUrl.isBlank();
    }
}
