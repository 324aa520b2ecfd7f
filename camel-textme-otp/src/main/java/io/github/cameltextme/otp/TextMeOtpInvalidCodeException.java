package io.github.cameltextme.otp;

/**
 * A validated code was not accepted ({@link TextMeOtpStatus#INVALID_CODE}: wrong, expired, or out of tries). Raised
 * only when the endpoint has {@code throwOnInvalidCode=true}; otherwise validate returns {@code valid=false}.
 */
public class TextMeOtpInvalidCodeException extends TextMeOtpApiException {

    public TextMeOtpInvalidCodeException(String apiMessage) {
        super(TextMeOtpOperation.validate, TextMeOtpStatus.INVALID_CODE, apiMessage);
    }
}
