package io.github.cameltextme.otp;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Component options from {@code camel.component.textme-otp.*} properties under Camel Main, through the generated
 * configurer; Camel Main's start-up summary masks the token.
 */
class TextMeOtpCamelMainTest {

    private static final String TOKEN = "tk-main-0a1b2c3d4e";

    @RegisterExtension
    static WireMockExtension textMe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Test
    void componentOptionsComeFromProperties() throws Exception {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson("{\"status\":0,\"message\":\"sent\"}")));
        Main main = new Main();
        main.addInitialProperty("camel.component.textme-otp.username", "main-user");
        main.addInitialProperty("camel.component.textme-otp.api-token", TOKEN);
        main.addInitialProperty("camel.component.textme-otp.source", "MainApp");
        main.addInitialProperty("camel.component.textme-otp.base-url", textMe.baseUrl() + "/api");
        main.addInitialProperty("camel.component.textme-otp.app-id", "7");
        main.addInitialProperty("camel.component.textme-otp.max-tries", "4");
        main.addInitialProperty("camel.component.textme-otp.valid-time", "12");
        main.addInitialProperty("camel.component.textme-otp.text", "Main [code]");
        main.addInitialProperty("camel.component.textme-otp.test-mode", "false");
        main.addInitialProperty("camel.component.textme-otp.throw-on-invalid-code", "true");
        main.addInitialProperty("camel.component.textme-otp.connect-timeout", "2s");
        main.addInitialProperty("camel.component.textme-otp.response-timeout", "20s");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("textme-otp:send");
            }
        });

        List<String> startupLog;
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            main.start();
            startupLog = logs.lines();
        }
        try {
            main.getCamelTemplate().requestBody("direct:send", "0521234567");

            TextMeOtpConfiguration configuration = main.getCamelContext()
                    .getComponent("textme-otp", TextMeOtpComponent.class).getConfiguration();
            assertEquals(2_000, configuration.getConnectTimeout());
            assertEquals(20_000, configuration.getResponseTimeout());
            assertTrue(configuration.isThrowOnInvalidCode());
        } finally {
            main.stop();
        }

        LoggedRequest request = textMe.findAll(anyRequestedFor(anyUrl())).get(0);
        assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
        JsonNode sent = new ObjectMapper().readTree(request.getBody()).get("send_otp");
        assertEquals("main-user", sent.at("/user/username").asText());
        assertEquals("MainApp", sent.get("source").asText());
        assertEquals(7, sent.get("app_id").asInt());
        assertEquals(4, sent.get("max_tries").asInt());
        assertEquals(12, sent.get("valid_time").asInt());
        assertEquals("Main [code]", sent.get("text").asText());

        assertTrue(startupLog.stream().anyMatch(line -> line.contains("camel.component.textme-otp.apiToken = xxxxxx")),
                   "Camel Main's auto-configuration summary lists the token, masked");
        // Camel Main itself prints every configured property value at DEBUG (MainHelper, "Configured property: ..."),
        // whatever the component; at INFO and above the token never appears
        assertFalse(startupLog.stream().anyMatch(line -> !line.startsWith("DEBUG") && !line.startsWith("TRACE")
                                                          && line.contains(TOKEN)),
                    "the token is not logged at INFO or above");
    }
}
