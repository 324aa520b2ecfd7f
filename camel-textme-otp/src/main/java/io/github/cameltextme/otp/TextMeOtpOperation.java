package io.github.cameltextme.otp;

import io.github.cameltextme.otp.util.Masking;

/**
 * What a {@code textme-otp} endpoint does; the URI path picks it: {@code textme-otp:send} or {@code textme-otp:validate}.
 */
public enum TextMeOtpOperation {

    /** Sends a new one-time password by SMS ({@code send_otp}). */
    send("send_otp"),

    /** Checks a code the user typed against the last one sent ({@code validate_otp}). */
    validate("validate_otp");

    private final String apiCommand;

    TextMeOtpOperation(String apiCommand) {
        this.apiCommand = apiCommand;
    }

    /** The root element of the request body that selects this operation in the TextMe API. */
    public String apiCommand() {
        return apiCommand;
    }

    /**
     * The operation named by a URI path.
     *
     * @throws TextMeOtpValidationException when the path names no operation
     */
    public static TextMeOtpOperation fromUriPath(String path) {
        for (TextMeOtpOperation operation : values()) {
            if (operation.name().equals(path)) {
                return operation;
            }
        }
        throw new TextMeOtpValidationException("operation", "must be send or validate, as in textme-otp:send (was '"
                                                            + Masking.prefix(path) + "')");
    }
}
