package io.github.cameltextme.otp;

import java.util.Locale;

/**
 * What an exchange of a {@code textme-otp} endpoint ended with, as the {@code outcome} tag of the
 * {@code textme.otp.exchanges} meter names it.
 */
enum TextMeOtpOutcome {

    /** TextMe accepted to send the OTP. */
    SENT,
    /** TextMe accepted the code. */
    VALID,
    /** TextMe did not accept the code (status 12 on validate). */
    INVALID,
    /** A limit refused the exchange; nothing was sent. */
    REFUSED,
    /** The input broke a rule ({@link TextMeOtpValidationException}); nothing was sent. */
    BAD_INPUT,
    /** TextMe answered a failure status. */
    API_ERROR,
    /** No readable answer from TextMe. */
    TRANSPORT_ERROR,
    /** The limit store was unreachable or full; nothing was sent. */
    STORE_ERROR,
    /**
     * A failure that is none of the above: a bug, or a value of the message that failed when read. It may have come
     * after the request was sent.
     */
    UNEXPECTED_ERROR;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The value of the {@code outcome} tag. */
    String tag() {
        return tag;
    }
}
