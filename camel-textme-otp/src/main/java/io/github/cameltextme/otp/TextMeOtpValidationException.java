package io.github.cameltextme.otp;

/**
 * Input that breaks a rule of the TextMe API, found before anything is sent: a missing or malformed phone, a code that
 * is not 6 digits, an option out of range. Nothing was sent to TextMe.
 */
public class TextMeOtpValidationException extends TextMeOtpException {

    private final String field;
    private final String rule;

    /**
     * @param field the option, header or body key at fault, e.g. {@code phone} or {@code maxTries}
     * @param rule  what the value must be; may end with the rejected value when it is safe to show (phones masked,
     *              codes never)
     */
    public TextMeOtpValidationException(String field, String rule) {
        super("Invalid " + field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The option, header or body key at fault. */
    public String getField() {
        return field;
    }

    /** The rule the value broke. */
    public String getRule() {
        return rule;
    }
}
