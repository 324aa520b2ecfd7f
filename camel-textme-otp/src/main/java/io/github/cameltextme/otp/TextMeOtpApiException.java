package io.github.cameltextme.otp;

/**
 * TextMe answered with a failure status (anything but 0, and on validate anything but 0 and 12). The request reached
 * TextMe; the status and the vendor's message are passed through (with any code or token in the message hidden and the
 * phone masked), never interpreted beyond the status.
 */
public class TextMeOtpApiException extends TextMeOtpException {

    private final TextMeOtpOperation operation;
    private final int status;
    private final String apiMessage;

    public TextMeOtpApiException(TextMeOtpOperation operation, int status, String apiMessage) {
        super("TextMe " + operation.apiCommand() + " failed with status " + status + ": " + apiMessage);
        this.operation = operation;
        this.status = status;
        this.apiMessage = apiMessage;
    }

    /** The operation that failed. */
    public TextMeOtpOperation getOperation() {
        return operation;
    }

    /** TextMe's status code, e.g. 4 for not enough credit or 515 for an unverified sender. */
    public int getStatus() {
        return status;
    }

    /** TextMe's message, with any code or token in it hidden and the phone masked; never matched on. */
    public String getApiMessage() {
        return apiMessage;
    }
}
