package io.github.cameltextme.otp;

import java.net.ConnectException;
import java.net.ServerSocket;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The README's error-handler recipe: redeliver only what never reached TextMe (the connection was refused), and
 * nothing that may have reached it, since a repeated send can send a second SMS and a repeated validate spends a try.
 */
class TextMeOtpRetryRecipeTest extends TextMeOtpTestSupport {

    private static int closedPort;

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the recipe, as in the README
                onException(TextMeOtpTransportException.class)
                        .onWhen(exchange -> exchange.getException().getCause() instanceof ConnectException)
                        .maximumRedeliveries(2).redeliveryDelay(10);

                from("direct:send-unreachable").to("textme-otp:send?baseUrl=http://127.0.0.1:" + closedPort + "/api");
                from("direct:validate-unreachable")
                        .to("textme-otp:validate?baseUrl=http://127.0.0.1:" + closedPort + "/api");
                from("direct:send").to("textme-otp:send");
            }
        };
    }

    @Test
    void aRefusedConnectionIsRedelivered() {
        Exchange exchange = template.request("direct:send-unreachable", e -> e.getMessage().setBody(PHONE));

        assertInstanceOf(TextMeOtpTransportException.class, exchange.getException());
        assertEquals(2, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER));
    }

    @Test
    void aValidateWithTheCodeInTheBodyCanBeRedelivered() {
        Exchange exchange = template.request("direct:validate-unreachable", e -> {
            e.getMessage().setBody(CODE);
            e.getMessage().setHeader(TextMeOtpConstants.PHONE, PHONE);
        });

        assertInstanceOf(TextMeOtpTransportException.class, exchange.getException(),
                         "every redelivery reached the transport: the code was still there");
        assertEquals(2, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER));
    }

    @Test
    void anAnswerThatMayHaveBeenSentIsNotRedelivered() {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withStatus(503)));

        Exchange exchange = template.request("direct:send", e -> e.getMessage().setBody(PHONE));

        assertInstanceOf(TextMeOtpTransportException.class, exchange.getException());
        assertEquals(0, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
        assertEquals(1, requests().size(), "exactly one request");
    }
}
