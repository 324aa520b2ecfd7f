package io.github.cameltextme.otp.simulator;

/** An API-level failure: answered as HTTP 200 with a non-zero {@code status}. */
final class ApiFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
