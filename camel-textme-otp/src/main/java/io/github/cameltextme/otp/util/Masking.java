package io.github.cameltextme.otp.util;

/**
 * Hides personal data and secrets in text that may reach logs: messages, results, {@code toString}.
 */
public final class Masking {

    private static final int PHONE_SHOWN_AT_EACH_END = 3;
    private static final String REDACTED = "******";
    private static final int MAX_QUOTED = 40;

    private Masking() {
    }

    /**
     * A phone with its middle hidden, e.g. {@code 052****567}; anything of six characters or fewer is hidden whole.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int length = phone.length();
        if (length <= 2 * PHONE_SHOWN_AT_EACH_END) {
            return "*".repeat(length);
        }
        return phone.substring(0, PHONE_SHOWN_AT_EACH_END)
               + "*".repeat(length - 2 * PHONE_SHOWN_AT_EACH_END)
               + phone.substring(length - PHONE_SHOWN_AT_EACH_END);
    }

    /**
     * At most the first {@value #MAX_QUOTED} characters of an input, followed by its length when it is longer: what an
     * error message quotes of a value, so that a huge input never makes a huge message.
     */
    public static String prefix(String input) {
        return shortened(input, false);
    }

    /** The {@link #prefix(String) prefix} of a phone input, masked as {@link #phone(String)} masks a phone. */
    public static String phonePrefix(String input) {
        return shortened(input, true);
    }

    private static String shortened(String input, boolean phone) {
        if (input == null) {
            return null;
        }
        int length = input.codePointCount(0, input.length());
        if (length <= MAX_QUOTED) {
            return phone ? phone(input) : input;
        }
        String head = input.substring(0, input.offsetByCodePoints(0, MAX_QUOTED));
        return (phone ? phone(head) : head) + "... (" + length + " characters)";
    }

    /**
     * The text with every occurrence of each secret replaced by {@code ******}, and every occurrence of the phone's 9
     * national digits written together (as in {@code 0521234567}, {@code 972521234567}) masked; {@code null} and
     * blank secrets are ignored.
     *
     * @param phone a canonical phone, {@code 05XXXXXXXX}, or {@code null}
     */
    public static String scrub(String text, String phone, String... secrets) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                scrubbed = scrubbed.replace(secret, REDACTED);
            }
        }
        if (phone != null && phone.length() > 1) {
            String nationalDigits = phone.substring(1);
            if (scrubbed.contains(nationalDigits)) {
                scrubbed = scrubbed.replace(nationalDigits, phone(nationalDigits));
            }
        }
        return scrubbed;
    }
}
