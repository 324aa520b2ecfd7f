package io.github.cameltextme.otp.examples.kamelets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.TextMeOtpEndpoint;
import io.github.cameltextme.otp.TextMeOtpOperation;
import io.github.cameltextme.otp.TextMeOtpTransportException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets have no proxy or timeout properties: the component's settings hold their endpoints. No proxy runs: the
 * component's proxy is a closed port on loopback, so a call through it fails before anything is sent, which also shows
 * the Kamelet's endpoint really goes through the proxy rather than to the simulator.
 */
class KameletComponentProxyTest extends KameletTestSupport {

    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-pass-1";
    private static final long CONNECT_TIMEOUT = 1_500;

    private int closedPort;

    @Override
    void addRoutes() throws Exception {
        closedPort = closedPort();
        accountAsKameletProperties();
        TextMeOtpConfiguration componentOptions = componentOptions();
        componentOptions.setProxyHost("127.0.0.1");
        componentOptions.setProxyPort(closedPort);
        componentOptions.setProxyAuthUsername(PROXY_USER);
        componentOptions.setProxyAuthPassword(PROXY_PASSWORD);
        componentOptions.setConnectTimeout(CONNECT_TIMEOUT);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("kamelet:" + SEND_KAMELET);
                from("direct:validate").to("kamelet:" + VALIDATE_KAMELET);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void theComponentsProxyAndTimeoutHoldTheKameletsEndpoint(TextMeOtpOperation operation) {
        TextMeOtpConfiguration configuration = context.getEndpoints().stream()
                .filter(TextMeOtpEndpoint.class::isInstance)
                .map(TextMeOtpEndpoint.class::cast)
                .filter(endpoint -> endpoint.getConfiguration().getOperation() == operation)
                .findFirst().orElseThrow().getConfiguration();

        assertEquals("127.0.0.1", configuration.getProxyHost());
        assertEquals(closedPort, configuration.getProxyPort());
        assertEquals("http", configuration.getProxyScheme());
        assertEquals(PROXY_USER, configuration.getProxyAuthUsername());
        assertEquals(PROXY_PASSWORD, configuration.getProxyAuthPassword());
        assertEquals(CONNECT_TIMEOUT, configuration.getConnectTimeout());
    }

    @ParameterizedTest
    @EnumSource(TextMeOtpOperation.class)
    void aCallGoesThroughTheComponentsProxy(TextMeOtpOperation operation) {
        TextMeOtpTransportException failure = operation == TextMeOtpOperation.send
                ? failure(TextMeOtpTransportException.class, "direct:send", "{\"phone\": \"" + PHONE + "\"}")
                : failure(TextMeOtpTransportException.class, "direct:validate", validateJson(PHONE, "123456"));

        assertFalse(failure.mayHaveReachedServer(), "the proxy refused the connection: nothing was sent");
        assertTrue(sim.requests().isEmpty(), "the simulator was not called directly");
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
