package io.github.cameltextme.otp;

/**
 * The limit store (the {@code limitStore} option, e.g. Redis) did not answer in time or failed, so the exchange could
 * not be counted and was refused before anything was sent: the limits fail closed.
 */
public class TextMeOtpLimitStoreException extends TextMeOtpException {

    private final TextMeOtpOperation operation;

    public TextMeOtpLimitStoreException(TextMeOtpOperation operation, String message, Throwable cause) {
        super("TextMe " + operation.apiCommand() + ": the limit store is unreachable: " + message, cause);
        this.operation = operation;
    }

    /** The operation that was refused. */
    public TextMeOtpOperation getOperation() {
        return operation;
    }
}
