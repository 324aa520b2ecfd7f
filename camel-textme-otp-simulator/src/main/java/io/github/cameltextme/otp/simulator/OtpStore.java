package io.github.cameltextme.otp.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The codes sent and not yet used, one per (account, app id, phone). Each check is atomic per key, so concurrent
 * validations of one code can never both succeed and tries are never lost.
 */
final class OtpStore {

    private final ConcurrentMap<OtpKey, OtpEntry> entries = new ConcurrentHashMap<>();

    /**
     * Stores a code, replacing any earlier one for the same key.
     *
     * @return the code it replaced, or {@code null}
     */
    OtpEntry save(OtpKey key, OtpEntry entry) {
        return entries.put(key, entry);
    }

    /**
     * Checks {@code code} and records the attempt: a right code is used up, a wrong one costs a try, an expired one is
     * forgotten.
     */
    Attempt attempt(OtpKey key, String code, Instant now) {
        AtomicReference<Attempt> attempt = new AtomicReference<>(new Attempt(OtpCheck.NOT_SENT, 0, false));
        entries.computeIfPresent(key, (k, entry) -> {
            OtpCheck check = evaluate(entry, code, now);
            OtpEntry after = switch (check) {
                case ACCEPTED, EXPIRED -> null;
                case WRONG_CODE -> entry.withOneTryLess();
                case NO_TRIES_LEFT, NOT_SENT -> entry;
            };
            attempt.set(new Attempt(check, entry.messageId(), check == OtpCheck.WRONG_CODE && after.triesLeft() <= 0));
            return after;
        });
        return attempt.get();
    }

    /**
     * What an attempt found, the id of the SMS whose code it checked, and whether it was the code's last try.
     */
    record Attempt(OtpCheck check, long messageId, boolean lastTry) {
    }

    /** Checks {@code code} without changing anything (the dry-run endpoint). */
    OtpCheck peek(OtpKey key, String code, Instant now) {
        OtpEntry entry = entries.get(key);
        return entry == null ? OtpCheck.NOT_SENT : evaluate(entry, code, now);
    }

    void clear() {
        entries.clear();
    }

    private static OtpCheck evaluate(OtpEntry entry, String code, Instant now) {
        if (entry.expiredAt(now)) {
            return OtpCheck.EXPIRED;
        }
        if (entry.triesLeft() <= 0) {
            return OtpCheck.NO_TRIES_LEFT;
        }
        boolean matches = MessageDigest.isEqual(
                entry.code().getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
        return matches ? OtpCheck.ACCEPTED : OtpCheck.WRONG_CODE;
    }
}
