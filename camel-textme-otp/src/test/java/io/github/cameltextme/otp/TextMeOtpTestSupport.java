package io.github.cameltextme.otp;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Camel context whose {@code textme-otp} component points at a WireMock server on loopback, standing in for TextMe.
 */
abstract class TextMeOtpTestSupport extends CamelTestSupport {

    static final String USERNAME = "leeroy";
    static final String TOKEN = "tk-5f0c1d2e9a8b7c6d";
    static final String SOURCE = "DemoAPI";
    static final String PHONE = "0521234567";
    static final String CODE = "042137";

    @RegisterExtension
    static WireMockExtension textMe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TextMeOtpComponent component = new TextMeOtpComponent();
        configure(component.getConfiguration());
        context.addComponent("textme-otp", component);
        return context;
    }

    /** A component for this account and URL, with the demo sender: what the tests that build their own context use. */
    static TextMeOtpComponent componentFor(String username, String token, String baseUrl) {
        TextMeOtpComponent component = new TextMeOtpComponent();
        TextMeOtpConfiguration configuration = component.getConfiguration();
        configuration.setUsername(username);
        configuration.setApiToken(token);
        configuration.setSource(SOURCE);
        configuration.setBaseUrl(baseUrl);
        return component;
    }

    /** The component's configuration: WireMock's URL and a demo account. */
    protected void configure(TextMeOtpConfiguration configuration) {
        configuration.setUsername(USERNAME);
        configuration.setApiToken(TOKEN);
        configuration.setSource(SOURCE);
        configuration.setBaseUrl(apiUrl());
    }

    static String apiUrl() {
        return textMe.baseUrl() + "/api";
    }

    /** TextMe answers every POST to /api with this JSON. */
    static void textMeAnswers(String json) {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson(json)));
    }

    /** TextMe answers the POSTs to /api whose body has this root element with this JSON. */
    static void textMeAnswers(String command, String json) {
        textMe.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$." + command))
                .willReturn(okJson(json)));
    }

    static List<LoggedRequest> requests() {
        return textMe.findAll(anyRequestedFor(anyUrl()));
    }

    static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = requests();
        assertEquals(1, requests.size(), "requests TextMe received");
        return requests.get(0);
    }

    static void assertNoRequestSent() {
        assertEquals(0, requests().size(), "requests TextMe received");
    }

    /** Sends to the endpoint and returns the exchange, which may have failed. */
    Exchange exchange(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().getHeaders().putAll(headers);
        });
    }

    /** Sends to the endpoint, which must fail with an exception of this type, and returns it. */
    <T extends Throwable> T failure(Class<T> type, String uri, Object body, Map<String, Object> headers) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeaders(uri, body, headers));
        return assertInstanceOf(type, e.getCause());
    }

    /** A value that fails when read as text: an unexpected failure, not one of TextMe or of the input's rules. */
    static CharSequence unreadable(String phone) {
        return new CharSequence() {
            @Override
            public int length() {
                return phone.length();
            }

            @Override
            public char charAt(int index) {
                return phone.charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return phone.subSequence(start, end);
            }

            @Override
            public String toString() {
                throw new IllegalStateException("cannot be read");
            }
        };
    }
}
