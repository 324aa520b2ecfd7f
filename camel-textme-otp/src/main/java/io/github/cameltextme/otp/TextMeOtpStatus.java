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

    /**
     * TextMe's documented request-level failure statuses, ascending: what the meters and the JMX counts name one by
     * one; any other status, whatever a broken server sends, is counted as {@code other}, so the counts stay bounded.
     */
    static final int[] DOCUMENTED_FAILURES = {
            1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 515, 989, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999 };
    /** The name of the statuses outside {@link #DOCUMENTED_FAILURES}. */
    static final String OTHER = "other";

    private TextMeOtpStatus() {
    }

    /** Whether the status means that TextMe refused the credentials (3, 10 or 11). */
    public static boolean isAuthenticationFailure(int status) {
        return status == WRONG_CREDENTIALS || status == TOKEN_EXPIRED || status == TOKEN_OF_ANOTHER_USER;
    }

    /**
     * The index of a status in {@link #DOCUMENTED_FAILURES}, or {@code DOCUMENTED_FAILURES.length} for any other
     * status.
     */
    static int documentedIndex(int status) {
        for (int i = 0; i < DOCUMENTED_FAILURES.length; i++) {
            if (DOCUMENTED_FAILURES[i] == status) {
                return i;
            }
        }
        return DOCUMENTED_FAILURES.length;
    }

    /** The name of the status at an index of {@link #documentedIndex(int)}. */
    static String documentedName(int index) {
        return index < DOCUMENTED_FAILURES.length ? Integer.toString(DOCUMENTED_FAILURES[index]) : OTHER;
    }

    /** Whether the status is one TextMe answers with, 0 to 999. */
    public static boolean isReadable(int status) {
        return status >= MIN_READABLE && status <= MAX_READABLE;
    }
}
