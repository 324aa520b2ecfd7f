package io.github.cameltextme.otp;

/**
 * TextMe refused the credentials: a status for which {@link TextMeOtpStatus#isAuthenticationFailure(int)} holds. Catch
 * it with {@code onException} to alert on credentials.
 */
public class TextMeOtpAuthenticationException extends TextMeOtpApiException {

    public TextMeOtpAuthenticationException(TextMeOtpOperation operation, int status, String apiMessage) {
        super(operation, status, apiMessage);
    }
}
