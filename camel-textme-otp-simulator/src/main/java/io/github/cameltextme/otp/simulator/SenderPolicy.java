package io.github.cameltextme.otp.simulator;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code source} (sender) values are accepted: well-formed ones (1-11 English letters or digits, or a number
 * of up to 15 digits with an optional {@code +}), and, when an allow-list is configured, only those on it.
 */
final class SenderPolicy {

    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("[A-Za-z0-9]{1,11}");
    private static final Pattern NUMERIC_SENDER = Pattern.compile("\\+?\\d{1,15}");

    private final Set<String> allowed;

    /** @param allowed the verified senders; empty accepts every well-formed sender */
    SenderPolicy(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    static boolean isWellFormed(String source) {
        return ALPHANUMERIC_SENDER.matcher(source).matches() || NUMERIC_SENDER.matcher(source).matches();
    }

    /** Returns {@code source} if accepted; fails with 991 when malformed, 515 when not on the allow-list. */
    String check(String source, String fieldName) {
        if (!isWellFormed(source)) {
            throw new ApiFailure(ApiStatus.SOURCE_VALIDATION, fieldName
                    + " must be 1-11 English letters or digits, or a number of up to 15 digits");
        }
        if (!allowed.isEmpty() && !allowed.contains(source)) {
            throw new ApiFailure(ApiStatus.UNVERIFIED_SOURCE, "unverified source: " + source);
        }
        return source;
    }
}
