package io.github.cameltextme.otp;

/**
 * Where a component measures its exchanges and TextMe round trips: Micrometer's meters when the application has a
 * {@code MeterRegistry} ({@link TextMeOtpMicrometerMeters}), else nowhere ({@link #NONE}). It names no Micrometer type,
 * so that the component runs without Micrometer on the classpath. Recording allocates nothing.
 */
interface TextMeOtpMeters {

    /** Measures nothing: no Micrometer, or no registry found. */
    TextMeOtpMeters NONE = new TextMeOtpMeters() {
    };

    /** An exchange ended with an outcome that has neither a limit nor a status: not refused, not an API error. */
    default void exchange(TextMeOtpOperation operation, TextMeOtpOutcome outcome) {
    }

    /** A limit refused an exchange. */
    default void refused(TextMeOtpOperation operation, TextMeOtpLimit limit) {
    }

    /** TextMe answered an exchange with a failure status. */
    default void apiError(TextMeOtpOperation operation, int status) {
    }

    /**
     * A call to TextMe took this long, answered or failed.
     *
     * @param operation the exchange's operation, or {@code null} for the balance call of the readiness checks
     */
    default void roundTrip(TextMeOtpOperation operation, long nanos) {
    }

    /** Removes what reads the component's state (its gauges); the counts stay in the registry. */
    default void close() {
    }
}
