package io.github.cameltextme.otp.client;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.cameltextme.otp.TextMeOtpOperation;
import io.github.cameltextme.otp.TextMeOtpTransportException;
import io.github.cameltextme.otp.model.ApiRequest;
import io.github.cameltextme.otp.model.ApiResponse;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TextMe API call per request: one JSON write, one POST on a pooled connection, one parse. It turns everything
 * that is not a readable API answer into a {@link TextMeOtpTransportException}, which tells whether the request may
 * have reached TextMe; interpreting the status is left to the caller. An answer it rejects closes its connection
 * instead of reading the rest of it. Thread-safe.
 */
public final class TextMeOtpApiClient {

    /** The largest answer read: TextMe's answers are well under 1 KB; anything bigger is not TextMe talking. */
    public static final int MAX_ANSWER_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TextMeOtpApiClient.class);

    // Jackson's parse errors quote no content of the answer: an answer could echo a code or a phone
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(0).maxRawContentLength(0).build())
            // a repeated key would let a later value silently win, anywhere in the answer
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectWriter REQUEST_WRITER = MAPPER.writer().with(SerializationFeature.WRAP_ROOT_VALUE);
    private static final ObjectReader RESPONSE_READER = MAPPER.readerFor(ApiResponse.class);
    // JSON is UTF-8 by definition (RFC 8259); the API documents the bare media type
    private static final ContentType JSON = ContentType.create("application/json");

    private final HttpClient httpClient;
    private final URI apiUri;
    private final String authorization;

    /**
     * @param httpClient the pooled client camel-http built, with its timeouts; it must have been built with
     *                   {@link #configure(HttpClientBuilder)}
     * @param apiUri     where requests are posted
     * @param apiToken   the token sent as {@code Authorization: Bearer}
     */
    public TextMeOtpApiClient(HttpClient httpClient, URI apiUri, String apiToken) {
        this.httpClient = httpClient;
        this.apiUri = apiUri;
        this.authorization = "Bearer " + apiToken;
    }

    /** Adds to an HttpClient being built what this client needs: knowing whether a failed request was sent. */
    public static void configure(HttpClientBuilder builder) {
        RequestSentMarker.install(builder);
    }

    /**
     * Posts the request and returns TextMe's answer, which always has a status.
     *
     * @throws TextMeOtpTransportException when no readable answer came back
     */
    public ApiResponse execute(ApiRequest request) {
        HttpPost post = new HttpPost(apiUri);
        post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        post.setHeader(HttpHeaders.ACCEPT, JSON.getMimeType());
        post.setEntity(new ByteArrayEntity(write(request), JSON));
        HttpClientContext context = HttpClientContext.create();
        LOG.trace("Posting {} to {}", request.apiCommand(), apiUri);
        try {
            return httpClient.execute(post, context, response -> read(request, post, context, response));
        } catch (IOException e) {
            IOException cause = withoutQuotedAnswer(e);
            throw new TextMeOtpTransportException(operationOf(request), "the call to " + apiUri + " failed: " + cause,
                                                  cause, RequestSentMarker.requestWasSent(context));
        } catch (IllegalStateException e) {
            // HttpClient's answer once the pool is closed, while the component or endpoint stops
            throw new TextMeOtpTransportException(operationOf(request), "the connection pool is closed: " + e.getMessage(),
                                                  e, RequestSentMarker.requestWasSent(context));
        }
    }

    /**
     * HttpClient's protocol errors (a malformed status line, header or chunk) quote the offending bytes of the answer,
     * which could echo a code: such a failure keeps its type and stack trace, not its text.
     */
    private static IOException withoutQuotedAnswer(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProtocolException || t instanceof MalformedChunkCodingException) {
                IOException shown = new IOException(
                        t.getClass().getName() + ": the answer broke the HTTP protocol (its bytes are not kept)");
                shown.setStackTrace(e.getStackTrace());
                return shown;
            }
        }
        return e;
    }

    /** A parse error keeps its type and stack trace, not its text: it may quote a key or value of the answer. */
    private static JsonParseException withoutText(JsonProcessingException e) {
        JsonParseException shown = new JsonParseException(
                null, e.getClass().getName() + ": the answer is not readable JSON (its text is not kept)");
        shown.setStackTrace(e.getStackTrace());
        return shown;
    }

    private static byte[] write(ApiRequest request) {
        try {
            return REQUEST_WRITER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + request.apiCommand() + " as JSON", e);
        }
    }

    /** Reads the answer; an answer it rejects is not read further: its connection is closed, not reused. */
    private static ApiResponse read(ApiRequest request, HttpPost post, HttpClientContext context,
                                    ClassicHttpResponse response)
            throws IOException {
        try {
            return parse(request, context, response);
        } catch (TextMeOtpTransportException | IOException e) {
            post.cancel();
            throw e;
        }
    }

    private static ApiResponse parse(ApiRequest request, HttpClientContext context, ClassicHttpResponse response)
            throws IOException {
        int httpStatus = response.getCode();
        if (httpStatus != HttpStatus.SC_OK) {
            // an answer before the request was sent is a proxy refusing the tunnel to TextMe
            boolean sent = RequestSentMarker.requestWasSent(context);
            String answered = sent ? "TextMe answered HTTP " : "the proxy refused the tunnel to TextMe: HTTP ";
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            throw new TextMeOtpTransportException(
                    operationOf(request), answered + httpStatus, httpStatus,
                    retryAfter == null ? null : retryAfter.getValue(), sent);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw unreadable(request, "TextMe answered HTTP 200 without a body", null);
        }
        if (entity.getContentLength() > MAX_ANSWER_BYTES) {
            throw unreadable(request, "TextMe's answer of " + entity.getContentLength() + " bytes is larger than the "
                                      + MAX_ANSWER_BYTES + " bytes an API answer can be; it was not read",
                             null);
        }
        // read at most one byte past the limit; closing the stream here would read a chunked body to its end
        byte[] body = entity.getContent().readNBytes(MAX_ANSWER_BYTES + 1);
        if (body.length == 0) {
            throw unreadable(request, "TextMe answered HTTP 200 without a body", null);
        }
        if (body.length > MAX_ANSWER_BYTES) {
            throw unreadable(request, "TextMe's answer is larger than the " + MAX_ANSWER_BYTES
                                      + " bytes an API answer can be; the rest was not read",
                             null);
        }
        ApiResponse answer;
        try {
            answer = RESPONSE_READER.readValue(body);
        } catch (MismatchedInputException e) {
            // databind quotes the offending value, which could be anything the server sent: name the field only
            String where = e.getPath().isEmpty() ? "" : " (at " + e.getPathReference() + ")";
            throw unreadable(request, "TextMe answered HTTP 200 with a body that is not an API answer" + where, null);
        } catch (JsonProcessingException e) {
            throw unreadable(request, "TextMe answered HTTP 200 with a body that is not the API's JSON"
                                      + " (malformed, or a key repeated)", withoutText(e));
        }
        if (answer == null || answer.status() == null) {
            throw unreadable(request, "TextMe's answer has no status", null);
        }
        return answer;
    }

    private static TextMeOtpTransportException unreadable(ApiRequest request, String message, Throwable cause) {
        return new TextMeOtpTransportException(operationOf(request), message, cause, true);
    }

    /** The operation a transport failure names: {@code null} for the balance call, as the exception documents. */
    private static TextMeOtpOperation operationOf(ApiRequest request) {
        return request.operation().orElse(null);
    }
}
