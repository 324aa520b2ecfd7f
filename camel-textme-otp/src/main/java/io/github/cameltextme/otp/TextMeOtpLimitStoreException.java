package io.github.cameltextme.otp;

/**
 * The limit store could not count the exchange, so it was refused before anything was sent: the limits fail closed.
 * Either the store is unreachable (the {@code limitStore} option, e.g. Redis, did not answer in time, failed, or is
 * known to be down), or the store in this JVM's memory is full of counts that restrict someone and takes no new one.
 */
public class TextMeOtpLimitStoreException extends TextMeOtpException {

    private static final String FULL = "full";

    private final TextMeOtpOperation operation;
    private final boolean full;

    /** The store is unreachable, for the reason given. */
    public TextMeOtpLimitStoreException(TextMeOtpOperation operation, String message, Throwable cause) {
        this(operation, "unreachable", message, cause);
    }

    private TextMeOtpLimitStoreException(TextMeOtpOperation operation, String state, String message, Throwable cause) {
        super("TextMe " + operation.apiCommand() + ": the limit store is " + state + ": " + message, cause);
        this.operation = operation;
        this.full = FULL.equals(state);
    }

    /** The store in this JVM's memory is full, for the reason given. */
    public static TextMeOtpLimitStoreException full(TextMeOtpOperation operation, String message) {
        return new TextMeOtpLimitStoreException(operation, FULL, message, null);
    }

    /** Whether the store in this JVM's memory was full, rather than the store unreachable. */
    public boolean isFull() {
        return full;
    }

    /** The operation that was refused. */
    public TextMeOtpOperation getOperation() {
        return operation;
    }
}
