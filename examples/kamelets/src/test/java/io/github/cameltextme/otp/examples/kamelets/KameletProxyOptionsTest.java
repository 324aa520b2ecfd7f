package io.github.cameltextme.otp.examples.kamelets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.TextMeOtpEndpoint;
import io.github.cameltextme.otp.TextMeOtpOperation;
import io.github.cameltextme.otp.TextMeOtpTransportException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxy properties and allowInsecureHttp reach the textme-otp endpoint the Kamelet creates, and unset ones do not
 * reach it at all. No proxy runs: the proxy is a closed port on loopback, so a call through it fails before anything
 * is sent, which also shows the Kamelet's endpoint really goes through the proxy rather than to the simulator.
 */
class KameletProxyOptionsTest extends KameletTestSupport {

    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-pass-1";

    private int closedPort;

    @Override
    void addRoutes() throws Exception {
        closedPort = closedPort();
        accountAsKameletProperties();
        String proxy = "proxyHost=127.0.0.1&proxyPort=" + closedPort;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("kamelet:" + SEND_KAMELET);
                from("direct:send-through-proxy").to("kamelet:" + SEND_KAMELET + "?" + proxy
                                                     + "&proxyAuthUsername=" + PROXY_USER
                                                     + "&proxyAuthPassword=" + PROXY_PASSWORD);
                from("direct:validate-through-proxy").to("kamelet:" + VALIDATE_KAMELET + "?" + proxy
                                                         + "&proxyScheme=https&allowInsecureHttp=true");
            }
        });
    }

    @Test
    void unsetProxyPropertiesDoNotReachTheEndpoint() throws Exception {
        TextMeOtpEndpoint endpoint = endpoint(TextMeOtpOperation.send, false);
        TextMeOtpConfiguration configuration = endpoint.getConfiguration();

        assertFalse(endpoint.getEndpointUri().contains("proxyHost"), endpoint.getEndpointUri());
        assertNull(configuration.getProxyHost());
        assertNull(configuration.getProxyPort());
        assertNull(configuration.getProxyAuthUsername());
        assertNull(configuration.getProxyAuthPassword());
        assertEquals("http", configuration.getProxyScheme());
        assertFalse(configuration.isAllowInsecureHttp());

        requestJson("direct:send", "{\"phone\": \"" + PHONE + "\"}");
        assertEquals(1, sim.messages().size(), "without a proxy TextMe is called directly");
    }

    @Test
    void proxyPropertiesReachTheSendEndpoint() {
        TextMeOtpConfiguration configuration = endpoint(TextMeOtpOperation.send, true).getConfiguration();

        assertEquals("127.0.0.1", configuration.getProxyHost());
        assertEquals(closedPort, configuration.getProxyPort());
        assertEquals("http", configuration.getProxyScheme());
        assertEquals(PROXY_USER, configuration.getProxyAuthUsername());
        assertEquals(PROXY_PASSWORD, configuration.getProxyAuthPassword());
        assertFalse(configuration.isAllowInsecureHttp());
    }

    @Test
    void proxySchemeAndAllowInsecureHttpReachTheValidateEndpoint() {
        TextMeOtpConfiguration configuration = endpoint(TextMeOtpOperation.validate, true).getConfiguration();

        assertEquals("127.0.0.1", configuration.getProxyHost());
        assertEquals(closedPort, configuration.getProxyPort());
        assertEquals("https", configuration.getProxyScheme());
        assertNull(configuration.getProxyAuthUsername());
        assertTrue(configuration.isAllowInsecureHttp());
    }

    @Test
    void aCallGoesThroughTheProxy() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:send-through-proxy", "{\"phone\": \"" + PHONE + "\"}"));

        TextMeOtpTransportException failure = assertInstanceOf(TextMeOtpTransportException.class, e.getCause());
        assertFalse(failure.mayHaveReachedServer(), "the proxy refused the connection: nothing was sent");
        assertTrue(sim.requests().isEmpty(), "the simulator was not called directly");
    }

    /** The one textme-otp endpoint of the operation with, or without, a proxy. */
    private TextMeOtpEndpoint endpoint(TextMeOtpOperation operation, boolean proxied) {
        List<TextMeOtpEndpoint> endpoints = context.getEndpoints().stream()
                .filter(TextMeOtpEndpoint.class::isInstance)
                .map(TextMeOtpEndpoint.class::cast)
                .filter(endpoint -> endpoint.getConfiguration().getOperation() == operation)
                .filter(endpoint -> (endpoint.getConfiguration().getProxyHost() != null) == proxied)
                .toList();
        assertEquals(1, endpoints.size(), () -> operation + (proxied ? " with" : " without") + " a proxy: " + endpoints);
        return endpoints.get(0);
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
