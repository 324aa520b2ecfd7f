package io.github.cameltextme.otp;

import java.util.stream.Stream;

import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No bearer token over plain text: an http:// baseUrl is accepted only for loopback hosts, any other host fails when the
 * endpoint is created, with a message saying why, unless allowInsecureHttp=true. The proxy options are checked at the
 * same moment. Only endpoints are created here: nothing is ever sent, which every test checks.
 */
class TextMeOtpPlainHttpRuleTest extends TextMeOtpTestSupport {

    /** The port of the WireMock server standing in for TextMe, so that a loopback URL would reach it if used. */
    private static int port() {
        return textMe.getPort();
    }

    @AfterEach
    void nothingWasSent() {
        assertNoRequestSent();
    }

    /** Creates (and, the context being started, starts) the endpoint, which must not have opened any connection. */
    private TextMeOtpEndpoint accepted(String uri) {
        TextMeOtpEndpoint endpoint = assertInstanceOf(TextMeOtpEndpoint.class, context.getEndpoint(uri));
        assertEquals(0, endpoint.getConnectionsLeased(), "connections in use");
        assertEquals(0, endpoint.getConnectionsAvailable(), "connections ever opened and kept");
        return endpoint;
    }

    private TextMeOtpValidationException rejected(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(uri));
        return assertInstanceOf(TextMeOtpValidationException.class, e.getCause());
    }

    /** User info could hold a password, and the URL shows in service views: refused, and not echoed. */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://user:s3cret-pw@my.textme.co.il/api", "https://my.textme.co.il/api?s3cret-pw=1",
            "https://my.textme.co.il/api#s3cret-pw" })
    void aBaseUrlWithUserInfoAQueryOrAFragmentIsRefusedWithoutEchoingIt(String baseUrl) {
        TextMeOtpValidationException e = rejected("textme-otp:send?baseUrl=RAW(" + baseUrl + ")");

        assertEquals("baseUrl", e.getField());
        assertFalse(e.getMessage().contains("s3cret-pw"), e.getMessage());
    }

    private static void assertSaysWhyPlainHttpIsRefused(TextMeOtpValidationException e, String baseUrl) {
        assertEquals("baseUrl", e.getField());
        String message = e.getMessage();
        assertTrue(message.contains("https://"), message);
        assertTrue(message.contains("loopback"), message);
        assertTrue(message.contains("token") && message.contains("unencrypted"), "says the token would travel"
                                                                                 + " unencrypted: " + message);
        assertTrue(message.contains("allowInsecureHttp"), "names the opt-in: " + message);
        assertTrue(message.contains(baseUrl), "shows the rejected URL: " + message);
    }

    static Stream<String> loopbackUrls() {
        return Stream.of(
                "http://localhost:" + port() + "/api",
                "http://LOCALHOST:" + port() + "/api",
                "http://127.0.0.1:" + port() + "/api",
                "http://127.1.2.3:" + port() + "/api",
                "http://[::1]:" + port() + "/api",
                "http://[0:0:0:0:0:0:0:1]:" + port() + "/api",
                "HTTP://127.0.0.1:" + port() + "/api");
    }

    @ParameterizedTest
    @MethodSource("loopbackUrls")
    void plainHttpToALoopbackHostIsAccepted(String baseUrl) {
        TextMeOtpEndpoint endpoint = accepted("textme-otp:send?baseUrl=" + baseUrl);

        assertEquals(baseUrl, endpoint.getConfiguration().getBaseUrl());
        assertFalse(endpoint.getConfiguration().isAllowInsecureHttp());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://example.com/api", "http://10.0.0.1/api", "http://my.textme.co.il/api",
            "http://192.168.1.20:8080/api", "http://localhost.example.com/api", "http://127.0.0.1.nip.io/api",
            "http://[2001:db8::1]/api", "http://0.0.0.0/api", "http://EXAMPLE.COM/api", "HTTP://example.com/api" })
    void plainHttpToAnyOtherHostFailsAtEndpointCreationAndSaysWhy(String baseUrl) {
        TextMeOtpValidationException e = rejected("textme-otp:send?baseUrl=" + baseUrl);

        assertSaysWhyPlainHttpIsRefused(e, baseUrl);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://example.com/api", "http://10.0.0.1/api", "http://my.textme.co.il/api" })
    void plainHttpToAnyOtherHostIsAcceptedWhenExplicitlyAllowed(String baseUrl) {
        TextMeOtpEndpoint endpoint = accepted("textme-otp:validate?allowInsecureHttp=true&baseUrl=" + baseUrl);

        assertTrue(endpoint.getConfiguration().isAllowInsecureHttp());
        assertEquals(baseUrl, endpoint.getServiceUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://my.textme.co.il/api", "https://example.com/api", "https://10.0.0.1:8443/api",
            "https://localhost/api", "https://[2001:db8::1]/api" })
    void httpsIsAcceptedForAnyHost(String baseUrl) {
        TextMeOtpEndpoint endpoint = accepted("textme-otp:send?baseUrl=" + baseUrl);

        assertEquals(baseUrl, endpoint.getServiceUrl());
        assertEquals("https", endpoint.getServiceProtocol());
    }

    @Test
    void theRuleAppliesToABaseUrlSetOnTheComponent() {
        TextMeOtpConfiguration component = context.getComponent("textme-otp", TextMeOtpComponent.class)
                .getConfiguration();
        component.setBaseUrl("http://my.textme.co.il/api");

        assertSaysWhyPlainHttpIsRefused(rejected("textme-otp:send"), "http://my.textme.co.il/api");
        accepted("textme-otp:validate?allowInsecureHttp=true");

        component.setAllowInsecureHttp(true);
        accepted("textme-otp:send");
        assertSaysWhyPlainHttpIsRefused(rejected("textme-otp:send?allowInsecureHttp=false"),
                                        "http://my.textme.co.il/api");
    }

    @Test
    void theTestModeUrlOfAnAcceptedLoopbackUrlIsStillLoopback() {
        TextMeOtpEndpoint endpoint = accepted("textme-otp:send?testMode=true&baseUrl=http://localhost:" + port()
                                              + "/api");

        assertEquals("http://localhost:" + port() + "/api/test", endpoint.getServiceUrl());
    }

    static Stream<Arguments> badProxyOptions() {
        return Stream.of(
                Arguments.of("proxyPort", "proxyHost=proxy.corp.example"),
                Arguments.of("proxyHost", "proxyPort=3128"),
                Arguments.of("proxyHost", "proxyHost= &proxyPort=3128"),
                Arguments.of("proxyPort", "proxyHost=proxy.corp.example&proxyPort=0"),
                Arguments.of("proxyPort", "proxyHost=proxy.corp.example&proxyPort=65536"),
                Arguments.of("proxyScheme", "proxyHost=proxy.corp.example&proxyPort=3128&proxyScheme=socks5"),
                Arguments.of("proxyScheme", "proxyHost=proxy.corp.example&proxyPort=3128&proxyScheme="),
                Arguments.of("proxyAuthPassword", "proxyHost=proxy.corp.example&proxyPort=3128&proxyAuthUsername=alice"),
                Arguments.of("proxyAuthUsername", "proxyHost=proxy.corp.example&proxyPort=3128&proxyAuthPassword=s3cr3t-px"),
                Arguments.of("proxyHost", "proxyAuthUsername=alice&proxyAuthPassword=s3cr3t-px"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badProxyOptions")
    void badProxyOptionsFailAtEndpointCreation(String field, String options) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("textme-otp:send?" + options));

        TextMeOtpValidationException cause = assertInstanceOf(TextMeOtpValidationException.class, e.getCause());
        assertEquals(field, cause.getField(), cause.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(t.getMessage().contains("s3cr3t-px"), "the proxy password leaks: " + t.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "proxyHost=proxy.corp.example&proxyPort=3128",
            "proxyHost=proxy.corp.example&proxyPort=3128&proxyScheme=https",
            "proxyHost=10.1.2.3&proxyPort=8080&proxyAuthUsername=alice&proxyAuthPassword=s3cr3t-px" })
    void completeProxyOptionsAreAccepted(String options) {
        TextMeOtpEndpoint endpoint = accepted("textme-otp:send?" + options);

        assertEquals(options.contains("https") ? "https" : "http", endpoint.getConfiguration().getProxyScheme());
        assertTrue(endpoint.getConfiguration().getProxyPort() > 0);
    }
}
