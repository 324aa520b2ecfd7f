package io.github.cameltextme.otp.simulator;

import java.time.Instant;

/** A stored code with its expiry and the attempts still allowed. */
record OtpEntry(String code, Instant expiresAt, int triesLeft) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    OtpEntry withOneTryLess() {
        return new OtpEntry(code, expiresAt, triesLeft - 1);
    }
}
