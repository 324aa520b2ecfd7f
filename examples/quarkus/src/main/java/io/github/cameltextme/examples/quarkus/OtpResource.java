package io.github.cameltextme.examples.quarkus;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cameltextme.otp.TextMeOtpApiException;
import io.github.cameltextme.otp.TextMeOtpConstants;
import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpRateLimitException;
import io.github.cameltextme.otp.TextMeOtpResult;
import io.github.cameltextme.otp.TextMeOtpTransportException;
import io.github.cameltextme.otp.TextMeOtpValidationException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

/**
 * Phone verification over HTTP: {@code POST /otp/send {"phone": "..."}} and
 * {@code POST /otp/verify {"phone": "...", "code": "..."}}, each handed to the YAML routes, on the contract the
 * examples share (examples/README.md). A request is a JSON object in UTF-8 ({@link JsonContentType}) of exactly the
 * endpoint's fields, each a JSON string ({@link OtpRequests}): 400 bad input, 415 not JSON in UTF-8, 429 a limit (with
 * {@code Retry-After}), 502 TextMe refusing, 503 TextMe or the limit store unreachable, 500 anything else; never a stack
 * trace, never a header of the request. Every answer is JSON whatever the request's {@code Accept} says: no
 * {@code @Produces}, which would refuse an {@code Accept} without JSON with 406.
 */
@Path("/")
public class OtpResource {

    private static final Logger LOG = Logger.getLogger(OtpResource.class);

    private final ProducerTemplate camel;
    private final CredentialsAlarm credentialsAlarm;

    OtpResource(ProducerTemplate camel, CredentialsAlarm credentialsAlarm) {
        this.camel = camel;
        this.credentialsAlarm = credentialsAlarm;
    }

    /** Sends a code; the client key the component's client limit counts is the caller's address, never a header. */
    @POST
    @Path(EndpointPaths.SEND)
    public Response send(byte[] body, @HeaderParam("Content-Type") String contentType,
                         @Context HttpServerRequest request) {
        try {
            JsonContentType.require(contentType);
            String phone = OtpRequests.phoneToSend(body);
            Map<String, Object> headers = Map.of(TextMeOtpConstants.CLIENT_KEY, request.remoteAddress().hostAddress());
            TextMeOtpResult result = camel.requestBodyAndHeaders("direct:send-otp", phone, headers, TextMeOtpResult.class);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("sent", true);
            answer.put("phone", result.getPhone());
            if (result.getShipmentId() != null) {
                answer.put("shipmentId", result.getShipmentId());
            }
            return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    /**
     * Checks a code: {@code {"valid": true|false}}; the client key the component's client validation limit counts is
     * the caller's address, never a header.
     */
    @POST
    @Path(EndpointPaths.VERIFY)
    public Response verify(byte[] body, @HeaderParam("Content-Type") String contentType,
                           @Context HttpServerRequest request) {
        try {
            JsonContentType.require(contentType);
            Map<String, String> fields = OtpRequests.phoneAndCodeToVerify(body);
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(TextMeOtpConstants.PHONE, fields.get("phone"));
            headers.put(TextMeOtpConstants.CODE, fields.get("code"));
            headers.put(TextMeOtpConstants.CLIENT_KEY, request.remoteAddress().hostAddress());
            TextMeOtpResult result = camel.requestBodyAndHeaders("direct:verify-otp", null, headers,
                                                                 TextMeOtpResult.class);
            return Response.ok(Map.of("valid", result.getValid()), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    private Response refusal(RuntimeException e) {
        Throwable cause = e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof JsonContentType.NotJsonInUtf8Exception) {
            return error(415, cause.getMessage());
        }
        if (cause instanceof OtpRequests.NotJsonException || cause instanceof OtpRequests.NotAJsonObjectException
            || cause instanceof TextMeOtpValidationException) {
            return error(400, cause.getMessage());
        }
        if (cause instanceof TextMeOtpRateLimitException limited) {
            long seconds = limited.getRetryAfter().toSeconds();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "too many requests, try again in " + seconds + " s");
            answer.put("retryAfterSeconds", seconds);
            return Response.status(429).header("Retry-After", seconds).type(MediaType.APPLICATION_JSON_TYPE).entity(answer)
                    .build();
        }
        if (cause instanceof TextMeOtpLimitStoreException) {
            return error(503, "the service is unavailable, try again later");
        }
        if (cause instanceof TextMeOtpApiException refused) {
            credentialsAlarm.refused(refused);
            return error(502, "the SMS provider refused the request");
        }
        if (cause instanceof TextMeOtpTransportException) {
            return error(503, "the SMS provider is unavailable, try again later");
        }
        LOG.errorf("Unexpected failure: %s", cause.getClass().getName());
        return error(500, "internal error");
    }

    private static Response error(int status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", reason)).build();
    }
}
