package io.github.cameltextme.examples.quarkus;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltextme.otp.TextMeOtpApiException;
import io.github.cameltextme.otp.TextMeOtpConstants;
import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpRateLimitException;
import io.github.cameltextme.otp.TextMeOtpResult;
import io.github.cameltextme.otp.TextMeOtpTransportException;
import io.github.cameltextme.otp.TextMeOtpValidationException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

/**
 * Phone verification over HTTP: {@code POST /otp/send {"phone": "..."}} and
 * {@code POST /otp/verify {"phone": "...", "code": "..."}}, each handed to the YAML routes. Only the phone and the code
 * are taken from a request, each a JSON string (a number is taken as its digits); the answers and the error mapping are
 * those of the otp-service example: 400 bad input, 429 a limit (with {@code Retry-After}), 502 TextMe refusing,
 * 503 TextMe or the limit store unreachable, 500 anything else; never a stack trace.
 */
@Path("/otp")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OtpResource {

    private static final Logger LOG = Logger.getLogger(OtpResource.class);

    private final ProducerTemplate camel;
    private final ObjectMapper json;
    private final CredentialsAlarm credentialsAlarm;

    OtpResource(ProducerTemplate camel, ObjectMapper json, CredentialsAlarm credentialsAlarm) {
        this.camel = camel;
        this.json = json;
        this.credentialsAlarm = credentialsAlarm;
    }

    /** Sends a code; the client key the component's client limit counts is the caller's address, never a header. */
    @POST
    @Path("/send")
    public Response send(String body, @Context HttpServerRequest request) {
        try {
            Map<String, Object> headers = Map.of(TextMeOtpConstants.CLIENT_KEY, request.remoteAddress().hostAddress());
            TextMeOtpResult result = camel.requestBodyAndHeaders(
                    "direct:send-otp", field(read(body), "phone"), headers, TextMeOtpResult.class);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("sent", true);
            answer.put("phone", result.getPhone());
            if (result.getShipmentId() != null) {
                answer.put("shipmentId", result.getShipmentId());
            }
            return Response.ok(answer).build();
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    /**
     * Checks a code: {@code {"valid": true|false}}; the client key the component's client validation limit counts is
     * the caller's address, never a header.
     */
    @POST
    @Path("/verify")
    public Response verify(String body, @Context HttpServerRequest request) {
        try {
            JsonNode fields = read(body);
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(TextMeOtpConstants.PHONE, field(fields, "phone"));
            headers.put(TextMeOtpConstants.CODE, field(fields, "code"));
            headers.put(TextMeOtpConstants.CLIENT_KEY, request.remoteAddress().hostAddress());
            TextMeOtpResult result = camel.requestBodyAndHeaders("direct:verify-otp", null, headers,
                                                                 TextMeOtpResult.class);
            return Response.ok(Map.of("valid", result.getValid())).build();
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    private JsonNode read(String body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JsonParseException e) {
            throw new BadRequest("the request body is not valid JSON");
        } catch (JsonProcessingException e) {
            throw new BadRequest("the request body must be a JSON object");
        }
        if (request == null || !request.isObject()) {
            throw new BadRequest("the request body must be a JSON object");
        }
        return request;
    }

    /** The field as text; {@code null} when absent (the component then says it is required). */
    private static String field(JsonNode request, String name) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw new TextMeOtpValidationException(name, "must be a JSON string");
        }
        return value.asText();
    }

    private Response refusal(RuntimeException e) {
        Throwable cause = e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof BadRequest || cause instanceof TextMeOtpValidationException) {
            return error(400, cause.getMessage());
        }
        if (cause instanceof TextMeOtpRateLimitException limited) {
            long seconds = limited.getRetryAfter().toSeconds();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "too many requests (" + limited.getLimit() + "), try again in " + seconds + " s");
            answer.put("retryAfterSeconds", seconds);
            return Response.status(429).header("Retry-After", seconds).entity(answer).build();
        }
        if (cause instanceof TextMeOtpLimitStoreException) {
            return error(503, "the service cannot count its send limits, try again later");
        }
        if (cause instanceof TextMeOtpApiException refused) {
            credentialsAlarm.refused(refused);
            return error(502, "TextMe refused the request (status " + refused.getStatus() + ")");
        }
        if (cause instanceof TextMeOtpTransportException) {
            return error(503, "TextMe cannot be reached, try again later");
        }
        LOG.errorf("Unexpected failure: %s", cause.getClass().getName());
        return error(500, "internal error");
    }

    private static Response error(int status, String reason) {
        return Response.status(status).entity(Map.of("error", reason)).build();
    }

    /** A request body that is not a JSON object. */
    private static final class BadRequest extends RuntimeException {

        BadRequest(String reason) {
            super(reason, null, false, false);
        }
    }
}
