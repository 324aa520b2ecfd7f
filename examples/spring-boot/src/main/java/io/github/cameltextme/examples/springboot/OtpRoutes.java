package io.github.cameltextme.examples.springboot;

import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.cameltextme.otp.TextMeOtpApiException;
import io.github.cameltextme.otp.TextMeOtpAuthenticationException;
import io.github.cameltextme.otp.TextMeOtpConstants;
import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpRateLimitException;
import io.github.cameltextme.otp.TextMeOtpResult;
import io.github.cameltextme.otp.TextMeOtpTransportException;
import io.github.cameltextme.otp.TextMeOtpValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.util.ObjectHelper;
import org.springframework.stereotype.Component;

/**
 * {@code POST /otp/send} and {@code POST /otp/verify} in the REST DSL, served by platform-http on Spring Boot's web
 * server. Only {@code phone} and {@code code} are taken from the request, as headers of the textme-otp call: the
 * sender and SMS text stay those of application.yaml, so a caller cannot make the account text anything else. The
 * client key the component's {@code clientSendLimit} and {@code clientValidationLimit} count is the caller's IP
 * address, as the web server saw it.
 * Request bodies are never logged: they hold the codes.
 */
@Component
public class OtpRoutes extends RouteBuilder {

    private static final String LOG_NAME = OtpRoutes.class.getName();

    private final CredentialsAlarm credentialsAlarm;

    public OtpRoutes(CredentialsAlarm credentialsAlarm) {
        this.credentialsAlarm = credentialsAlarm;
    }

    @Override
    public void configure() {
        restConfiguration()
                .bindingMode(RestBindingMode.json)
                // text after the JSON value makes the body unreadable, not ignored
                .dataFormatProperty("json.in.enableFeatures", "FAIL_ON_TRAILING_TOKENS")
                // errors carry an HTTP status; write their ErrorResponse as JSON too
                .skipBindingOnErrorCode(false);

        // Camel picks the closest match in the exception's class hierarchy, whatever the order here.
        onException(TextMeOtpValidationException.class)
                .handled(true)
                .process(exchange -> error(exchange, 400, caught(exchange).getMessage()));
        onException(JsonParseException.class)
                .handled(true)
                .process(exchange -> error(exchange, 400, "the request body is not valid JSON"));
        onException(JsonProcessingException.class, NotAJsonObjectException.class)
                .handled(true)
                .process(exchange -> error(exchange, 400, notTaken(caught(exchange))));
        onException(TextMeOtpRateLimitException.class)
                .handled(true)
                .process(exchange -> {
                    TextMeOtpRateLimitException refusal = (TextMeOtpRateLimitException) caught(exchange);
                    long seconds = refusal.getRetryAfter().toSeconds();
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 429);
                    exchange.getMessage().setHeader("Retry-After", seconds);
                    exchange.getMessage().setBody(new TooManyRequestsResponse(
                            "too many requests (" + refusal.getLimit() + "), try again in " + seconds + " s", seconds));
                });
        onException(TextMeOtpLimitStoreException.class)
                .handled(true)
                .log(LoggingLevel.WARN, LOG_NAME, "The send limits cannot be counted: ${exception.message}")
                .process(exchange -> error(exchange, 503, "the service cannot count its send limits, try again later"));
        onException(TextMeOtpAuthenticationException.class)
                .handled(true)
                .process(exchange -> credentialsAlarm.refused(caught(exchange)))
                .process(exchange -> error(exchange, 502, "the SMS provider refused our credentials"));
        onException(TextMeOtpApiException.class)
                .handled(true)
                .log(LoggingLevel.ERROR, LOG_NAME, "TextMe refused the request: ${exception.message}")
                .process(exchange -> error(exchange, 502, "the SMS provider refused the request"));
        onException(TextMeOtpTransportException.class)
                .handled(true)
                .log(LoggingLevel.WARN, LOG_NAME, "No usable answer from TextMe: ${exception.message}")
                .process(exchange -> error(exchange, 503, "the SMS provider is unavailable, try again later"));
        onException(Exception.class)
                .handled(true)
                .process(exchange -> {
                    log.error("Unexpected failure", caught(exchange));
                    error(exchange, 500, "internal error");
                });

        rest("/otp")
                .consumes("application/json").produces("application/json")
                .post("/send").type(SendRequest.class).outType(SendResponse.class).to("direct:otp-send")
                .post("/verify").type(VerifyRequest.class).outType(VerifyResponse.class).to("direct:otp-verify");

        from("direct:otp-send").routeId("otp-send")
                .process(exchange -> {
                    SendRequest request = exchange.getIn().getBody(SendRequest.class);
                    exchange.getIn().setHeader(TextMeOtpConstants.PHONE, required("phone", request, SendRequest::phone));
                    exchange.getIn().setHeader(TextMeOtpConstants.CLIENT_KEY, clientAddress(exchange));
                })
                .to("textme-otp:send")
                .process(exchange -> {
                    TextMeOtpResult result = exchange.getIn().getBody(TextMeOtpResult.class);
                    exchange.getIn().setBody(new SendResponse(true, result.getPhone(), result.getShipmentId()));
                });

        from("direct:otp-verify").routeId("otp-verify")
                .process(exchange -> {
                    VerifyRequest request = exchange.getIn().getBody(VerifyRequest.class);
                    exchange.getIn().setHeader(TextMeOtpConstants.PHONE, required("phone", request, VerifyRequest::phone));
                    exchange.getIn().setHeader(TextMeOtpConstants.CODE, required("code", request, VerifyRequest::code));
                    exchange.getIn().setHeader(TextMeOtpConstants.CLIENT_KEY, clientAddress(exchange));
                })
                .to("textme-otp:validate")
                .process(exchange -> {
                    TextMeOtpResult result = exchange.getIn().getBody(TextMeOtpResult.class);
                    exchange.getIn().setBody(new VerifyResponse(Boolean.TRUE.equals(result.getValid())));
                });
    }

    /** A field of the request; a missing field is the caller's mistake, and so is no body or JSON {@code null}. */
    private static <T> String required(String field, T request, Function<T, String> getter) {
        if (request == null) {
            throw new NotAJsonObjectException();
        }
        String value = getter.apply(request);
        if (value == null) {
            throw new TextMeOtpValidationException(field, "is required");
        }
        return value;
    }

    /**
     * The IP address the request came from: the servlet request's remote address, which a caller's headers cannot
     * change ({@code server.forward-headers-strategy: none}; the README shows how to trust one named proxy instead).
     */
    private static String clientAddress(Exchange exchange) {
        if (!(exchange.getIn() instanceof PlatformHttpMessage http)) {
            throw new IllegalStateException("the OTP routes serve HTTP requests only: no caller address to count");
        }
        return http.getRequest().getRemoteAddr();
    }

    /**
     * Why JSON was not taken, in one sentence: a value other than an object (no body, {@code null}, an array, a string,
     * a number) fails at the root; anything else is a field this endpoint does not take, or a field of the wrong type.
     */
    private static String notTaken(Exception failure) {
        MismatchedInputException mismatch = ObjectHelper.getException(MismatchedInputException.class, failure);
        boolean atTheRoot = ObjectHelper.getException(NotAJsonObjectException.class, failure) != null
                || mismatch != null && mismatch.getPath().isEmpty();
        return atTheRoot ? "the request body must be a JSON object" : "the request body is not the JSON this endpoint takes";
    }

    private static Exception caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    private static void error(Exchange exchange, int status, String reason) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(new ErrorResponse(reason));
    }

    /** The request body is empty or JSON {@code null}. */
    private static final class NotAJsonObjectException extends RuntimeException {

        NotAJsonObjectException() {
            super("the request body must be a JSON object", null, false, false);
        }
    }
}
