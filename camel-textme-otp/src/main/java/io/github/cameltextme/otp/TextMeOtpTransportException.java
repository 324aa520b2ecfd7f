package io.github.cameltextme.otp;

import io.github.cameltextme.otp.model.BalanceRequest;

/**
 * No usable answer came from TextMe: a connection failure, a timeout, an HTTP error status, or a body that is not the
 * API's JSON. The cause is kept.
 * <p>
 * Before retrying, ask {@link #mayHaveReachedServer()}: TextMe has no idempotency key, so a repeated {@code send_otp}
 * that had reached TextMe sends a second SMS, and a repeated {@code validate_otp} spends a try (or fails because the
 * first call already used the code).
 */
public class TextMeOtpTransportException extends TextMeOtpException {

    private final TextMeOtpOperation operation;
    private final boolean mayHaveReachedServer;
    private final int httpStatus;
    private final String retryAfter;

    /**
     * A failure without an HTTP answer, or with an answer that could not be read.
     *
     * @param operation            the operation, or {@code null} for the health check's balance call
     * @param mayHaveReachedServer {@code false} only when the request was never sent
     */
    public TextMeOtpTransportException(TextMeOtpOperation operation, String message, Throwable cause,
                                       boolean mayHaveReachedServer) {
        this(operation, message, cause, mayHaveReachedServer, 0, null);
    }

    /**
     * TextMe, or a proxy on the way, answered with an HTTP status other than 200.
     *
     * @param operation            the operation, or {@code null} for the health check's balance call
     * @param retryAfter           the {@code Retry-After} header as sent, or {@code null}
     * @param mayHaveReachedServer {@code false} when a proxy refused the tunnel, so the request was never sent
     */
    public TextMeOtpTransportException(TextMeOtpOperation operation, String message, int httpStatus,
                                       String retryAfter, boolean mayHaveReachedServer) {
        this(operation, message, null, mayHaveReachedServer, httpStatus, retryAfter);
    }

    private TextMeOtpTransportException(TextMeOtpOperation operation, String message, Throwable cause,
                                        boolean mayHaveReachedServer, int httpStatus, String retryAfter) {
        super("TextMe " + (operation == null ? BalanceRequest.API_COMMAND : operation.apiCommand()) + ": " + message, cause);
        this.operation = operation;
        this.mayHaveReachedServer = mayHaveReachedServer;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    /**
     * The failure of a call on an endpoint that is not started, so nothing was sent.
     *
     * @param operation the operation, or {@code null} for the health check's balance call
     */
    static TextMeOtpTransportException endpointNotStarted(TextMeOtpOperation operation) {
        return new TextMeOtpTransportException(operation, "the textme-otp endpoint is not started", null, false);
    }

    /** The operation that failed; {@code null} for the health check's balance call. */
    public TextMeOtpOperation getOperation() {
        return operation;
    }

    /**
     * Whether TextMe may have received the request. {@code false} only when it was never sent: the connection (or the
     * TLS handshake, or the proxy tunnel) was never made, or no pooled connection became free in time. Only then is a
     * retry certain not to send a second SMS or spend a try.
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }

    /** The HTTP status of an HTTP error answer (not 200), or 0 for any other failure. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The {@code Retry-After} header of the HTTP answer (seconds or an HTTP date), or {@code null}. */
    public String getRetryAfter() {
        return retryAfter;
    }
}
