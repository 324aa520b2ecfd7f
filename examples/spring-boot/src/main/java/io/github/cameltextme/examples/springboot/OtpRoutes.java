package io.github.cameltextme.examples.springboot;

import java.util.Map;


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
import org.springframework.stereotype.Component;

/**
 * {@code POST /otp/send} and {@code POST /otp/verify} in the REST DSL, served by platform-http on Spring Boot's web
 * server, on the contract the examples share (examples/README.md). A request is a JSON object in UTF-8 (the filter
 * {@link JsonContentType}) of exactly the endpoint's fields, each a JSON string ({@link OtpRequests}); {@code phone} and
 * {@code code} become headers of the textme-otp call, and the sender and SMS text stay those of application.yaml, so a
 * caller cannot make the account text anything else. The client key the component's {@code clientSendLimit} and
 * {@code clientValidationLimit} count is the caller's IP address, as the web server saw it. Every answer drops the
 * request's headers, so that none is sent back. Request bodies are never logged: they hold the codes.
 */
@Component
public class OtpRoutes extends RouteBuilder {

    private static final String LOG_NAME = OtpRoutes.class.getName();
    private static final String ANSWER = "direct:otp-answer";

    private final CredentialsAlarm credentialsAlarm;

    public OtpRoutes(CredentialsAlarm credentialsAlarm) {
        this.credentialsAlarm = credentialsAlarm;
    }

    @Override
    public void configure() {
        // the routes read the body themselves, strictly, and write their answers as JSON
        restConfiguration().bindingMode(RestBindingMode.off);

        // Camel picks the closest match in the exception's class hierarchy, whatever the order here.
        // The caller's mistakes, each said in one sentence that names the JSON field and its rule, never logged:
        onException(TextMeOtpValidationException.class)
                .handled(true)
                .process(exchange -> error(exchange, 400, caught(exchange).getMessage()))
                .to(ANSWER);
        onException(OtpRequests.NotJsonException.class, OtpRequests.NotAJsonObjectException.class)
                .handled(true)
                .process(exchange -> error(exchange, 400, caught(exchange).getMessage()))
                .to(ANSWER);
        onException(TextMeOtpRateLimitException.class)
                .handled(true)
                .process(exchange -> {
                    TextMeOtpRateLimitException refusal = (TextMeOtpRateLimitException) caught(exchange);
                    long seconds = refusal.getRetryAfter().toSeconds();
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 429);
                    exchange.getMessage().setHeader("Retry-After", seconds);
                    exchange.getMessage().setBody(new TooManyRequestsResponse(
                            "too many requests, try again in " + seconds + " s", seconds));
                })
                .to(ANSWER);
        onException(TextMeOtpLimitStoreException.class)
                .handled(true)
                .log(LoggingLevel.WARN, LOG_NAME, "The send limits cannot be counted: ${exception.message}")
                .process(exchange -> error(exchange, 503, "the service is unavailable, try again later"))
                .to(ANSWER);
        onException(TextMeOtpAuthenticationException.class)
                .handled(true)
                .process(exchange -> credentialsAlarm.refused(caught(exchange)))
                .process(exchange -> error(exchange, 502, "the SMS provider refused the request"))
                .to(ANSWER);
        // TextMe refusing for the account's sake (credit, sender, ...) fails every request alike: the meters count it by
        // status (textme_otp_exchanges_total{outcome="api_error"}), which an alert watches, rather than a line per request
        onException(TextMeOtpApiException.class)
                .handled(true)
                .process(exchange -> error(exchange, 502, "the SMS provider refused the request"))
                .to(ANSWER);
        onException(TextMeOtpTransportException.class)
                .handled(true)
                .log(LoggingLevel.WARN, LOG_NAME, "No usable answer from TextMe: ${exception.message}")
                .process(exchange -> error(exchange, 503, "the SMS provider is unavailable, try again later"))
                .to(ANSWER);
        // anything else is a bug: one ERROR line naming the exception's class, never its message, which could quote
        // the request (a phone, a code) or the configuration (the token)
        onException(Exception.class)
                .handled(true)
                .process(exchange -> {
                    log.error("Unexpected failure: {}", caught(exchange).getClass().getName());
                    error(exchange, 500, "internal error");
                })
                .to(ANSWER);

        // no consumes(): JsonContentType refuses what is not JSON in UTF-8 with the contract's 415 answer, where Spring
        // MVC would answer its own; no produces(): every answer is JSON whatever the request's Accept says (ANSWER
        // marshals it), where Spring MVC would refuse an Accept without JSON with 406
        rest()
                .post(EndpointPaths.SEND).outType(SendResponse.class).to("direct:otp-send")
                .post(EndpointPaths.VERIFY).outType(VerifyResponse.class).to("direct:otp-verify");

        from("direct:otp-send").routeId("otp-send")
                .process(exchange -> {
                    String phone = OtpRequests.phoneToSend(exchange.getIn().getBody(byte[].class));
                    exchange.getIn().setHeader(TextMeOtpConstants.PHONE, phone);
                    exchange.getIn().setHeader(TextMeOtpConstants.CLIENT_KEY, clientAddress(exchange));
                    exchange.getIn().setBody(null);
                })
                .to("textme-otp:send")
                .process(exchange -> {
                    TextMeOtpResult result = exchange.getIn().getBody(TextMeOtpResult.class);
                    exchange.getIn().setBody(new SendResponse(true, result.getPhone(), result.getShipmentId()));
                })
                .to(ANSWER);

        from("direct:otp-verify").routeId("otp-verify")
                .process(exchange -> {
                    Map<String, String> request = OtpRequests.phoneAndCodeToVerify(exchange.getIn().getBody(byte[].class));
                    exchange.getIn().setHeader(TextMeOtpConstants.PHONE, request.get("phone"));
                    exchange.getIn().setHeader(TextMeOtpConstants.CODE, request.get("code"));
                    exchange.getIn().setHeader(TextMeOtpConstants.CLIENT_KEY, clientAddress(exchange));
                    exchange.getIn().setBody(null);
                })
                .to("textme-otp:validate")
                .process(exchange -> {
                    TextMeOtpResult result = exchange.getIn().getBody(TextMeOtpResult.class);
                    exchange.getIn().setBody(new VerifyResponse(Boolean.TRUE.equals(result.getValid())));
                })
                .to(ANSWER);

        // Every answer: the request's headers (Authorization, Cookie, X-Forwarded-For, ...) are dropped, so that none is
        // sent back; only the status and Retry-After stay, and the JSON's Content-Type.
        from(ANSWER).routeId("otp-answer")
                .removeHeaders("*", Exchange.HTTP_RESPONSE_CODE, "Retry-After")
                .marshal().json();
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

    private static Exception caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    private static void error(Exchange exchange, int status, String reason) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(new ErrorResponse(reason));
    }
}
