package io.github.cameltextme.otp;

/**
 * A validated code was not accepted (status 12: wrong, expired, or out of tries). Raised only when the endpoint has
 * {@code throwOnInvalidCode=true}; otherwise validate returns {@code valid=false}.
 */
public class TextMeOtpInvalidCodeException extends TextMeOtpApiException {

    public TextMeOtpInvalidCodeException(String apiMessage) {
        super(TextMeOtpOperation.validate, TextMeOtpResult.INVALID_CODE_STATUS, apiMessage);
    }
}
