package io.github.cameltextme.otp;

import java.time.Duration;

/**
 * A limit refused the exchange before anything was sent: too many sends to a phone, from a client or from the
 * account, a send too soon after the last one, too many wrong codes for a phone or too many validates from a client.
 * Answer it as HTTP 429 with {@link #getRetryAfter()} as the {@code Retry-After} header. The message names the limit
 * and the wait; it masks the phone and never shows the client key.
 */
public class TextMeOtpRateLimitException extends TextMeOtpException {

    private final TextMeOtpOperation operation;
    private final TextMeOtpLimit limit;
    private final Duration retryAfter;

    /**
     * @param retryAfter how long until the limit lets the exchange through, rounded up to whole seconds
     * @param subject    what the limit counts, safe to show: a masked phone, "this client" or "the account"
     */
    public TextMeOtpRateLimitException(TextMeOtpOperation operation, TextMeOtpLimit limit, Duration retryAfter,
                                       String subject) {
        super("TextMe " + operation.apiCommand() + " refused by the " + limit + " limit for " + subject
              + ": nothing was sent; try again in " + retryAfter.toSeconds() + " s");
        this.operation = operation;
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** The operation that was refused. */
    public TextMeOtpOperation getOperation() {
        return operation;
    }

    /** The limit that refused the exchange. */
    public TextMeOtpLimit getLimit() {
        return limit;
    }

    /** How long until the limit lets the same exchange through: whole seconds, at least one. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
