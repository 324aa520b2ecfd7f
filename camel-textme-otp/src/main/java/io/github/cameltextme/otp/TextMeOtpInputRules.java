package io.github.cameltextme.otp;

import java.math.BigInteger;

import io.github.cameltextme.otp.util.Masking;

/**
 * The TextMe API's rules for the values an exchange brings, checked before anything is sent. Each method takes a
 * raw value (a header, a Map body entry, or the option it falls back to) and returns its canonical form, or throws a
 * {@link TextMeOtpValidationException} naming the field and the rule. The checks of the endpoint options are
 * {@link TextMeOtpOptionChecks}.
 */
final class TextMeOtpInputRules {

    private static final String CODE_PLACEHOLDER = "[code]";
    private static final int MAX_TEXT_LENGTH = 1005;
    private static final int MAX_ALPHANUMERIC_SOURCE_LENGTH = 11;
    private static final int MAX_NUMERIC_SOURCE_DIGITS = 15;

    private static final String ISRAEL_COUNTRY_CODE = "972";
    private static final String INTERNATIONAL_PREFIX = "00";
    private static final int NATIONAL_MOBILE_DIGITS = 9;
    private static final int MAX_PHONE_INPUT_LENGTH = 32;
    private static final int CODE_DIGITS = 6;
    private static final String PHONE_RULE = "must be an Israeli mobile number: 05 and 8 more digits (spaces, dashes,"
                                             + " dots and brackets allowed), or +972, 972 or 00972 in place of the 0";

    private TextMeOtpInputRules() {
    }

    /**
     * An Israeli mobile number as people write it, in its canonical form {@code 05XXXXXXXX}; copied out of Hebrew text,
     * its bidirectional marks and no-break spaces are no obstacle.
     */
    static String phone(Object raw) {
        String text = asCopied(text("phone", raw)).strip();
        if (text.isEmpty()) {
            throw new TextMeOtpValidationException("phone", "must not be blank");
        }
        String national = text.length() <= MAX_PHONE_INPUT_LENGTH ? nationalMobileNumber(text) : null;
        if (national == null) {
            throw new TextMeOtpValidationException("phone", PHONE_RULE + " (was " + Masking.phonePrefix(text) + ")");
        }
        return "0" + national;
    }

    /**
     * A one-time code: exactly 6 digits, leading zeros kept, read past the marks and no-break spaces that copying it
     * out of a Hebrew SMS brings. The code itself never appears in an error.
     */
    static String code(Object raw) {
        String code = asCopied(text("code", raw)).strip();
        if (code.length() != CODE_DIGITS || !isAsciiDigits(code)) {
            throw new TextMeOtpValidationException("code", "must be exactly " + CODE_DIGITS + " digits");
        }
        return code;
    }

    /** The sender: 1 to 11 English letters or digits, or a phone number of up to 15 digits with an optional +. */
    static String source(Object raw) {
        String source = text("source", raw).strip();
        if (source.isEmpty()) {
            throw new TextMeOtpValidationException("source", "must not be blank");
        }
        boolean alphanumeric = source.length() <= MAX_ALPHANUMERIC_SOURCE_LENGTH && isAsciiLettersOrDigits(source);
        String digits = source.startsWith("+") ? source.substring(1) : source;
        boolean numeric = !digits.isEmpty() && digits.length() <= MAX_NUMERIC_SOURCE_DIGITS && isAsciiDigits(digits);
        if (!alphanumeric && !numeric) {
            throw new TextMeOtpValidationException("source", "must be at most " + MAX_ALPHANUMERIC_SOURCE_LENGTH
                                                             + " English letters or digits, or a phone number of at most "
                                                             + MAX_NUMERIC_SOURCE_DIGITS + " digits");
        }
        return source;
    }

    /** The SMS text: contains {@code [code]} and is at most 1005 characters; {@code null} stays {@code null}. */
    static String smsText(Object raw) {
        if (raw == null) {
            return null;
        }
        String text = text("text", raw);
        if (!text.contains(CODE_PLACEHOLDER)) {
            throw new TextMeOtpValidationException("text", "must contain " + CODE_PLACEHOLDER + ", where TextMe puts the code");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_LENGTH) {
            throw new TextMeOtpValidationException(
                    "text", "must be at most " + MAX_TEXT_LENGTH + " characters (was " + length + ")");
        }
        return text;
    }

    static int appId(Object raw) {
        int appId = wholeNumber("appId", raw);
        if (appId < 1) {
            throw new TextMeOtpValidationException("appId", "must be at least 1 (was " + appId + ")");
        }
        return appId;
    }

    static int maxTries(Object raw) {
        return inRange("maxTries", raw, 3, 5);
    }

    static int validTime(Object raw) {
        return inRange("validTime", raw, 1, 15);
    }

    private static int inRange(String field, Object raw, int min, int max) {
        int value = wholeNumber(field, raw);
        if (value < min || value > max) {
            throw new TextMeOtpValidationException(
                    field, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    private static String text(String field, Object raw) {
        if (raw instanceof CharSequence text) {
            return text.toString();
        }
        if (isWholeNumberType(raw)) {
            return raw.toString();
        }
        throw new TextMeOtpValidationException(field, "must be text or a whole number"
                                                      + (raw == null ? "" : " (was a " + raw.getClass().getName() + ")"));
    }

    /**
     * The text without the invisible formatting characters (Unicode category Cf: bidirectional marks, zero-width
     * characters, the byte order mark) and with no-break spaces as plain spaces: what copying a number out of Hebrew
     * text brings along.
     */
    private static String asCopied(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\u00A0' || cp == '\u2007' || cp == '\u202F') {
                plain.append(' ');
            } else if (Character.getType(cp) != Character.FORMAT) {
                plain.appendCodePoint(cp);
            }
        });
        return plain.toString();
    }

    private static int wholeNumber(String field, Object raw) {
        String text = text(field, raw).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TextMeOtpValidationException(field, "must be a whole number (was '" + Masking.prefix(text) + "')");
        }
    }

    private static boolean isWholeNumberType(Object raw) {
        return raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte
               || raw instanceof BigInteger;
    }

    /**
     * The 9 national digits of an Israeli mobile number, starting with 5, or {@code null} when the text is not one.
     * Accepts spaces, dashes, dots and brackets between digits, a leading + or 00 before 972, and the trunk 0.
     */
    private static String nationalMobileNumber(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        String number = digits.toString();
        if (plus) {
            if (!number.startsWith(ISRAEL_COUNTRY_CODE)) {
                return null;
            }
            number = number.substring(ISRAEL_COUNTRY_CODE.length());
        } else if (number.startsWith(INTERNATIONAL_PREFIX + ISRAEL_COUNTRY_CODE)) {
            number = number.substring(INTERNATIONAL_PREFIX.length() + ISRAEL_COUNTRY_CODE.length());
        } else if (number.startsWith(ISRAEL_COUNTRY_CODE) && number.length() > NATIONAL_MOBILE_DIGITS + 1) {
            number = number.substring(ISRAEL_COUNTRY_CODE.length());
        }
        if (number.startsWith("0")) {
            number = number.substring(1);
        }
        boolean mobile = number.length() == NATIONAL_MOBILE_DIGITS && number.charAt(0) == '5';
        return mobile ? number : null;
    }

    private static boolean isAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLettersOrDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
