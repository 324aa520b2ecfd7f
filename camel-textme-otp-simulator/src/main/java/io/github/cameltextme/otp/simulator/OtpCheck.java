package io.github.cameltextme.otp.simulator;

/** The outcome of checking a code; every outcome but {@link #ACCEPTED} is answered with status 12. */
enum OtpCheck {
    ACCEPTED("the code is valid"),
    WRONG_CODE("the code is not valid"),
    EXPIRED("the code has expired"),
    NO_TRIES_LEFT("no tries left for this code"),
    NOT_SENT("no code was sent to this phone for this app");

    private final String message;

    OtpCheck(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }
}
