package io.github.cameltextme.otp;

import java.util.Locale;

import io.github.cameltextme.otp.model.BalanceRequest;
import org.apache.camel.spi.HttpResponseAware;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/**
 * No usable answer came from TextMe: a connection failure, a timeout, an HTTP error status, or a body that is not the
 * API's JSON. The cause is kept.
 * <p>
 * Before retrying, ask {@link #mayHaveReachedServer()}: TextMe has no idempotency key, so a repeated {@code send_otp}
 * that had reached TextMe sends a second SMS, and a repeated {@code validate_otp} spends a try (or fails because the
 * first call already used the code).
 * <p>
 * As Camel's {@link HttpResponseAware}, a generic error handler reads the HTTP status of the answer, or 0 when there
 * was no HTTP answer. The exception is immutable: its setters throw {@link UnsupportedOperationException}.
 */
public class TextMeOtpTransportException extends TextMeOtpException implements HttpResponseAware {

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

    /**
     * An unexpected failure of an exchange, which may have come after the request was sent. The cause keeps its type
     * and stack trace, not its text, which could quote a value of the message.
     */
    static TextMeOtpTransportException unexpected(TextMeOtpOperation operation, RuntimeException failure) {
        RuntimeException cause = new RuntimeException(failure.getClass().getName() + " (its text is not kept)");
        cause.setStackTrace(failure.getStackTrace());
        return new TextMeOtpTransportException(operation, "the exchange failed unexpectedly: "
                                                          + failure.getClass().getName(), cause, true);
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

    /**
     * The HTTP status of an HTTP error answer (not 200), or 0 for any other failure; the same as
     * {@link #getHttpStatus()}.
     */
    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    /**
     * The standard reason phrase of the HTTP status, e.g. {@code Service Unavailable}, or {@code null} when there was
     * no HTTP answer. It is not the server's own phrase, which could carry anything.
     */
    @Override
    public String getHttpResponseStatus() {
        return httpStatus == 0 ? null : EnglishReasonPhraseCatalog.INSTANCE.getReason(httpStatus, Locale.ENGLISH);
    }

    /** Not supported: the exception is immutable. */
    @Override
    public void setHttpResponseCode(int code) {
        throw new UnsupportedOperationException("A TextMeOtpTransportException is immutable");
    }

    /** Not supported: the exception is immutable. */
    @Override
    public void setHttpResponseStatus(String status) {
        throw new UnsupportedOperationException("A TextMeOtpTransportException is immutable");
    }
}
