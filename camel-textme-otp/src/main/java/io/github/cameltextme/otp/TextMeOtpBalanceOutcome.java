package io.github.cameltextme.otp;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * What the last balance call of an account ended with, as a readiness check answers it: a state and one plain sentence,
 * with TextMe's status when TextMe refused the call. It never holds an exception, a host, a port or a token.
 *
 * @param state        UP when TextMe accepted the balance call, else DOWN
 * @param message      the sentence that says why it is DOWN, or {@code null} when UP
 * @param textMeStatus TextMe's status when it refused the call, else {@code null}
 */
record TextMeOtpBalanceOutcome(HealthCheck.State state, String message, Integer textMeStatus) {

    /** Before the first balance call of the account has answered. */
    static final TextMeOtpBalanceOutcome NOT_CHECKED_YET = new TextMeOtpBalanceOutcome(
            HealthCheck.State.DOWN, "TextMe has not been checked yet", null);
    /** TextMe answered the balance call with status 0. */
    static final TextMeOtpBalanceOutcome UP = new TextMeOtpBalanceOutcome(HealthCheck.State.UP, null, null);
    /** No usable answer: a connection failure, a timeout, an HTTP error or a body that is not the API's JSON. */
    static final TextMeOtpBalanceOutcome UNREACHABLE = new TextMeOtpBalanceOutcome(
            HealthCheck.State.DOWN, "TextMe is unreachable", null);

    /** TextMe answered the balance call with a status other than 0. */
    static TextMeOtpBalanceOutcome refused(int status) {
        String refused = TextMeOtpStatus.isAuthenticationFailure(status) ? "the credentials" : "the balance call";
        return new TextMeOtpBalanceOutcome(HealthCheck.State.DOWN,
                                           "TextMe refused " + refused + " with status " + status, status);
    }

    /** Writes the outcome into a readiness check's result. */
    void writeTo(HealthCheckResultBuilder builder) {
        if (message != null) {
            builder.message(message);
        }
        if (textMeStatus != null) {
            builder.detail(TextMeOtpProducerHealthCheck.STATUS_DETAIL, textMeStatus);
        }
        builder.state(state);
    }
}
