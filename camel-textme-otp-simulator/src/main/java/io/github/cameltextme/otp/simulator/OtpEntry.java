package io.github.cameltextme.otp.simulator;

import java.time.Instant;

/** A stored code with its expiry, the attempts still allowed, and the id of the SMS that carried it. */
record OtpEntry(String code, Instant expiresAt, int triesLeft, long messageId) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    OtpEntry withOneTryLess() {
        return new OtpEntry(code, expiresAt, triesLeft - 1, messageId);
    }
}
