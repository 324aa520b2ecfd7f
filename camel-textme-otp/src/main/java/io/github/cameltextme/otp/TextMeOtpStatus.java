package io.github.cameltextme.otp;

/**
 * The statuses of TextMe's answers that the component acts on. Any other status in the readable range is a failure
 * passed through as it came, in a {@link TextMeOtpApiException}.
 */
public final class TextMeOtpStatus {

    /** Success: the OTP was sent, or the code was accepted. */
    public static final int SUCCESS = 0;
    /** The username or the API token is incorrect. */
    public static final int WRONG_CREDENTIALS = 3;
    /** The API token has expired. */
    public static final int TOKEN_EXPIRED = 10;
    /** The API token belongs to another user, or a newer token exists. */
    public static final int TOKEN_OF_ANOTHER_USER = 11;
    /** On validate: the code was not accepted (wrong, expired or out of tries). */
    public static final int INVALID_CODE = 12;
    /** The lowest status TextMe answers with. */
    public static final int MIN_READABLE = 0;
    /** The highest status TextMe answers with; anything outside 0 to 999 is not a TextMe status. */
    public static final int MAX_READABLE = 999;

    private TextMeOtpStatus() {
    }

    /** Whether the status means that TextMe refused the credentials (3, 10 or 11). */
    public static boolean isAuthenticationFailure(int status) {
        return status == WRONG_CREDENTIALS || status == TOKEN_EXPIRED || status == TOKEN_OF_ANOTHER_USER;
    }

    /** Whether the status is one TextMe answers with, 0 to 999. */
    public static boolean isReadable(int status) {
        return status >= MIN_READABLE && status <= MAX_READABLE;
    }
}
