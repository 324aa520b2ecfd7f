package io.github.cameltextme.otp;

import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.HttpResponseAware;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A transport failure is Camel's {@link HttpResponseAware}: an error handler that knows nothing of TextMe reads the HTTP
 * status of the answer, or 0 when there was none.
 */
class TextMeOtpHttpResponseAwareTest extends TextMeOtpTestSupport {

    private static final String HANDLED_CODE = "handledHttpCode";
    private static final String HANDLED_STATUS = "handledHttpStatus";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(TextMeOtpHttpResponseAwareTest::genericHandler);
                from("direct:send").to("textme-otp:send");
            }
        };
    }

    /** What a route's generic handler does: read the HTTP status of any exception that tells one. */
    private static void genericHandler(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (caught instanceof HttpResponseAware http) {
            exchange.getMessage().setHeader(HANDLED_CODE, http.getHttpResponseCode());
            exchange.getMessage().setHeader(HANDLED_STATUS, http.getHttpResponseStatus());
        }
    }

    @Test
    void anHttpErrorAnswerIsReadThroughTheInterface() {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withStatus(503)));

        Exchange handled = template.send("direct:send", e -> e.getMessage().setBody(PHONE));

        assertEquals(503, handled.getMessage().getHeader(HANDLED_CODE));
        assertEquals("Service Unavailable", handled.getMessage().getHeader(HANDLED_STATUS));
    }

    @Test
    void aFailureWithoutAnHttpAnswerReadsAsZero() {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Exchange handled = template.send("direct:send", e -> e.getMessage().setBody(PHONE));

        assertEquals(0, handled.getMessage().getHeader(HANDLED_CODE));
        assertNull(handled.getMessage().getHeader(HANDLED_STATUS));
    }

    @Test
    void theExceptionCannotBeChanged() {
        TextMeOtpTransportException e = new TextMeOtpTransportException(
                TextMeOtpOperation.send, "TextMe answered HTTP 502", 502, null, true);

        assertInstanceOf(HttpResponseAware.class, e);
        assertEquals(502, e.getHttpResponseCode());
        assertThrows(UnsupportedOperationException.class, () -> e.setHttpResponseCode(200));
        assertThrows(UnsupportedOperationException.class, () -> e.setHttpResponseStatus("OK"));
    }
}
