package io.github.cameltextme.otp;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import io.github.cameltextme.otp.TextMeOtpFaultMatrixTest.RawServer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's error-handler recipe: redeliver only what never reached TextMe
 * ({@link TextMeOtpTransportException#mayHaveReachedServer()} is {@code false}: a refused connection, a failed TLS
 * handshake, no free pooled connection), and nothing that may have reached it (an HTTP error, a timeout, a reset),
 * since a repeated send can send a second SMS and a repeated validate spends a try. The same rule holds for send and
 * for validate. A validate's code may be in the body or in its header: the component removes the header after each
 * call, but Camel redelivers the message as it came to the endpoint. And where a route redelivers a send that may have
 * reached TextMe all the same, the resend interval refuses the redelivery: no second SMS.
 */
class TextMeOtpRetryRecipeTest extends TextMeOtpTestSupport {

    private static final int RESPONSE_TIMEOUT = 1_000;

    private int closedPort;
    /** Answers whatever the test tells it to, on {@code direct:<operation>-raw}. */
    private RawServer rawServer;
    private volatile RawServer.Behaviour rawBehaviour = RawServer.STALL;

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        rawServer = new RawServer((socket, in, out, server) -> rawBehaviour.serve(socket, in, out, server));
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the recipe, as in the README
                onException(TextMeOtpTransportException.class)
                        .onWhen(exchange -> !exchange.getException(TextMeOtpTransportException.class)
                                .mayHaveReachedServer())
                        .maximumRedeliveries(2).redeliveryDelay(10);

                // not the recipe: redelivers every transport failure, even one that may have reached TextMe
                from("direct:send-careless")
                        .onException(TextMeOtpTransportException.class).maximumRedeliveries(2).redeliveryDelay(10).end()
                        .to("textme-otp:send");

                for (TextMeOtpOperation operation : TextMeOtpOperation.values()) {
                    from("direct:" + operation).to("textme-otp:" + operation);
                    from("direct:" + operation + "-unreachable")
                            .to("textme-otp:" + operation + "?baseUrl=http://127.0.0.1:" + closedPort + "/api");
                    from("direct:" + operation + "-raw").to("textme-otp:" + operation + "?baseUrl=" + rawServer.url()
                                                            + "&responseTimeout=" + RESPONSE_TIMEOUT);
                }
            }
        };
    }

    @AfterEach
    void closeRawServer() throws Exception {
        if (rawServer != null) {
            rawServer.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aRefusedConnectionIsRedelivered(TextMeOtpOperation operation) {
        Exchange exchange = call("direct:" + operation + "-unreachable", operation);

        TextMeOtpTransportException e = assertInstanceOf(TextMeOtpTransportException.class, exchange.getException(),
                                                         "every redelivery reached the transport");
        assertInstanceOf(ConnectException.class, e.getCause());
        assertFalse(e.mayHaveReachedServer());
        assertEquals(2, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER));
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void anHttpErrorIsNotRedelivered(TextMeOtpOperation operation) {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "7")));

        Exchange exchange = call("direct:" + operation, operation);

        TextMeOtpTransportException e = assertInstanceOf(TextMeOtpTransportException.class, exchange.getException());
        assertEquals(503, e.getHttpStatus());
        assertNotRedelivered(exchange);
        assertEquals(1, requests().size(), "requests TextMe received");
    }

    @Test
    void evenACarelessRedeliveryOfASendThatMayHaveReachedTextMeIsRefusedByTheResendInterval() {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withStatus(503)));

        Exchange exchange = call("direct:send-careless", TextMeOtpOperation.send);

        TextMeOtpRateLimitException e = assertInstanceOf(TextMeOtpRateLimitException.class, exchange.getException());
        assertEquals(TextMeOtpLimit.RESEND_INTERVAL, e.getLimit());
        assertEquals(1, requests().size(), "no second SMS: TextMe received the first request only");
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aStalledAnswerIsNotRedelivered(TextMeOtpOperation operation) {
        rawBehaviour = RawServer.STALL;

        long start = System.nanoTime();
        Exchange exchange = call("direct:" + operation + "-raw", operation);
        long millis = (System.nanoTime() - start) / 1_000_000;

        TextMeOtpTransportException e = assertInstanceOf(TextMeOtpTransportException.class, exchange.getException());
        assertInstanceOf(SocketTimeoutException.class, e.getCause());
        assertNotRedelivered(exchange);
        rawServer.assertExactlyOneRequest();
        assertTrue(millis >= RESPONSE_TIMEOUT && millis < RESPONSE_TIMEOUT + 1_500,
                   "took " + millis + " ms: one response timeout of " + RESPONSE_TIMEOUT + " ms, not three");
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aResetInTheMiddleOfTheAnswerIsNotRedelivered(TextMeOtpOperation operation) {
        rawBehaviour = (socket, in, out, server) -> {
            server.readRequest(in, out);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"status\""
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        };

        Exchange exchange = call("direct:" + operation + "-raw", operation);

        assertInstanceOf(TextMeOtpTransportException.class, exchange.getException());
        assertNotRedelivered(exchange);
        rawServer.assertExactlyOneRequest();
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void aValidateIsRedeliveredWithItsCode(boolean codeInBody) {
        Exchange exchange = template.request("direct:validate-unreachable", e -> {
            if (codeInBody) {
                e.getMessage().setBody(CODE);
            } else {
                e.getMessage().setHeader(TextMeOtpConstants.CODE, CODE);
            }
            e.getMessage().setHeader(TextMeOtpConstants.PHONE, PHONE);
        });

        // Camel redelivers a copy of the message as it came to the endpoint: the code header the component removes
        // after each call is back for the next attempt, else the last one would fail for want of a code
        assertInstanceOf(TextMeOtpTransportException.class, exchange.getException(),
                         "every redelivery reached the transport: the code was still there");
        assertEquals(2, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER));
        assertNull(exchange.getMessage().getHeader(TextMeOtpConstants.CODE), "the code does not outlive the call");
    }

    /** The code (validate) or phone (send) in the body, which survives redeliveries. */
    private Exchange call(String uri, TextMeOtpOperation operation) {
        return template.request(uri, e -> {
            e.getMessage().setBody(operation == TextMeOtpOperation.send ? PHONE : CODE);
            e.getMessage().setHeader(TextMeOtpConstants.PHONE, PHONE);
        });
    }

    private static void assertNotRedelivered(Exchange exchange) {
        assertTrue(exchange.getException(TextMeOtpTransportException.class).mayHaveReachedServer());
        assertEquals(0, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
    }
}
