package io.github.cameltextme.otp;

/**
 * TextMe refused the credentials: status 3 (username or API token incorrect), 10 (API token expired) or 11 (API token
 * does not match the username, or a newer token exists). Catch it with {@code onException} to alert on credentials.
 */
public class TextMeOtpAuthenticationException extends TextMeOtpApiException {

    public TextMeOtpAuthenticationException(TextMeOtpOperation operation, int status, String apiMessage) {
        super(operation, status, apiMessage);
    }

    /** Whether a status means that TextMe refused the credentials. */
    public static boolean isAuthenticationStatus(int status) {
        return status == 3 || status == 10 || status == 11;
    }
}
