package io.github.cameltextme.otp.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cameltextme.otp.TextMeOtpOperation;
import io.github.cameltextme.otp.TextMeOtpTransportException;
import io.github.cameltextme.otp.model.ApiRequest;
import io.github.cameltextme.otp.model.ApiResponse;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TextMe API call per request: one JSON write, one POST on a pooled connection, one parse. It turns everything
 * that is not a readable API answer into a {@link TextMeOtpTransportException}; interpreting the status is left to the
 * caller. Thread-safe.
 */
public final class TextMeOtpApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(TextMeOtpApiClient.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter REQUEST_WRITER = MAPPER.writer().with(SerializationFeature.WRAP_ROOT_VALUE);
    private static final ObjectReader RESPONSE_READER = MAPPER.readerFor(ApiResponse.class);
    // JSON is UTF-8 by definition (RFC 8259); the API documents the bare media type
    private static final ContentType JSON = ContentType.create("application/json");

    private final HttpClient httpClient;
    private final URI apiUri;
    private final String authorization;

    /**
     * @param httpClient the pooled client camel-http configured, with its timeouts
     * @param apiUri     where requests are posted
     * @param apiToken   the token sent as {@code Authorization: Bearer}
     */
    public TextMeOtpApiClient(HttpClient httpClient, URI apiUri, String apiToken) {
        this.httpClient = httpClient;
        this.apiUri = apiUri;
        this.authorization = "Bearer " + apiToken;
    }

    /**
     * Posts the request and returns TextMe's answer, which always has a status.
     *
     * @throws TextMeOtpTransportException when no readable answer came back
     */
    public ApiResponse execute(ApiRequest request) {
        TextMeOtpOperation operation = request.operation();
        HttpPost post = new HttpPost(apiUri);
        post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        post.setHeader(HttpHeaders.ACCEPT, JSON.getMimeType());
        post.setEntity(new ByteArrayEntity(write(request), JSON));
        LOG.trace("Posting {} to {}", operation.apiCommand(), apiUri);
        try {
            return httpClient.execute(post, response -> read(operation, response));
        } catch (IOException e) {
            throw new TextMeOtpTransportException(operation, "the call to " + apiUri + " failed: " + e, e);
        }
    }

    private static byte[] write(ApiRequest request) {
        try {
            return REQUEST_WRITER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + request.operation().apiCommand() + " as JSON", e);
        }
    }

    private static ApiResponse read(TextMeOtpOperation operation, ClassicHttpResponse response) throws IOException {
        int httpStatus = response.getCode();
        if (httpStatus != HttpStatus.SC_OK) {
            throw new TextMeOtpTransportException(
                    operation, "TextMe answered HTTP " + httpStatus + " " + response.getReasonPhrase(), null);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new TextMeOtpTransportException(operation, "TextMe answered HTTP 200 without a body", null);
        }
        ApiResponse answer;
        try (InputStream body = entity.getContent()) {
            answer = RESPONSE_READER.readValue(body);
        } catch (JsonProcessingException e) {
            throw new TextMeOtpTransportException(
                    operation, "TextMe answered HTTP 200 with a body that is not the API's JSON (Content-Type: "
                               + entity.getContentType() + ")",
                    e);
        }
        if (answer == null || answer.status() == null) {
            throw new TextMeOtpTransportException(operation, "TextMe's answer has no status", null);
        }
        return answer;
    }
}
