package io.github.cameltextme.otp;

/**
 * No usable answer came from TextMe: a connection failure, a timeout, an HTTP error status, or a body that is not the
 * API's JSON. The cause is kept.
 */
public class TextMeOtpTransportException extends TextMeOtpException {

    private final TextMeOtpOperation operation;

    public TextMeOtpTransportException(TextMeOtpOperation operation, String message, Throwable cause) {
        super("TextMe " + operation.apiCommand() + ": " + message, cause);
        this.operation = operation;
    }

    /** The operation that failed. */
    public TextMeOtpOperation getOperation() {
        return operation;
    }
}
