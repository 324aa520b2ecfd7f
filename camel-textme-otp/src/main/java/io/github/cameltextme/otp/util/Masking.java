package io.github.cameltextme.otp.util;

/**
 * Hides personal data and secrets in text meant for logs and messages.
 */
public final class Masking {

    private static final int PHONE_SHOWN_AT_EACH_END = 3;
    private static final String REDACTED = "******";

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
     * The text with every occurrence of each secret replaced by {@code ******}; blank secrets are ignored.
     */
    public static String redact(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                redacted = redacted.replace(secret, REDACTED);
            }
        }
        return redacted;
    }
}
