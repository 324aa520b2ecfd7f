package io.github.cameltextme.otp;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cameltextme.otp.model.ApiUser;
import io.github.cameltextme.otp.model.SendOtpRequest;
import io.github.cameltextme.otp.model.ValidateOtpRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API token and OTP codes never appear in a log line at any level, an exception, a {@code toString}, a sanitized
 * URI or a result body; phones appear in logs only masked.
 */
class TextMeOtpSecretsTest {

    private static final String TOKEN = "tk-9d8c7b6a5f4e3d2c";
    private static final String CODE = "740391";
    private static final String WRONG_CODE = "740392";
    private static final String PHONE = "0547654321";
    private static final String PHONE_WRITTEN = "+972 54-765-4321";
    private static final String MASKED_PHONE = "054****321";
    private static final List<String> FULL_PHONE_FORMS = List.of(PHONE, "547654321", "54-765-4321", "765-4321");
    /**
     * HttpClient's own wire loggers print raw HTTP traffic, the Authorization header and the body included, whatever
     * the client: they are off unless turned on, and the README tells users to keep them off. They are the only
     * loggers this test does not hold to the rule.
     */
    private static final List<String> RAW_TRAFFIC_LOGGERS = List.of(
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");

    @RegisterExtension
    static WireMockExtension textMe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Test
    void noLogLineAtTraceHoldsTheTokenTheCodeOrAFullPhone() throws Exception {
        textMe.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.send_otp"))
                .willReturn(okJson("{\"status\":0,\"message\":\"sent to " + PHONE + "\",\"shipment_id\":1}")));
        textMe.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.validate_otp.code", equalTo(CODE)))
                .willReturn(okJson("{\"status\":0,\"message\":\"code " + CODE + " verified\"}")));
        textMe.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.validate_otp.code", equalTo(WRONG_CODE)))
                .willReturn(okJson("{\"status\":12,\"message\":\"code " + WRONG_CODE + " is wrong\"}")));

        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            try (CamelContext context = contextWithTokenOnTheComponent()) {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:send").to("textme-otp:send").to("log:sent?showAll=true");
                        from("direct:validate").to("textme-otp:validate").to("log:validated?showAll=true");
                    }
                });
                context.start();
                ProducerTemplate template = context.createProducerTemplate();

                template.requestBody("direct:send", PHONE_WRITTEN);
                // the phone and the code travel in the body, which the result replaces (the log steps print it)
                template.requestBody("direct:validate", Map.of("phone", PHONE_WRITTEN, "code", WRONG_CODE));
                template.requestBody("direct:validate", Map.of("phone", PHONE_WRITTEN, "code", CODE));
                Exchange failed = template.request("direct:validate", e -> e.getMessage()
                        .setHeaders(Map.of(TextMeOtpConstants.PHONE, PHONE, TextMeOtpConstants.CODE, CODE.substring(1))));
                assertNotNull(failed.getException(), "a code of 5 digits fails");
            }
            lines = logs.lines().stream()
                    .filter(line -> RAW_TRAFFIC_LOGGERS.stream().noneMatch(logger -> line.contains(" " + logger + " - ")))
                    .toList();
        }

        assertTrue(lines.stream().anyMatch(line -> line.startsWith("DEBUG") && line.contains(MASKED_PHONE)),
                   "the component's DEBUG lines were captured, with the phone masked");
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("TRACE")), "TRACE lines were captured");
        assertAbsent(lines, TOKEN);
        assertAbsent(lines, CODE);
        assertAbsent(lines, WRONG_CODE);
        assertAbsent(lines, CODE.substring(1));
        FULL_PHONE_FORMS.forEach(phone -> assertAbsent(lines, phone));
    }

    @Test
    void theVendorsMessageNeverCarriesTheCodeOrTheToken() throws Exception {
        textMe.stubFor(post(urlPathEqualTo("/api"))
                .willReturn(okJson("{\"status\":12,\"message\":\"code " + CODE + " rejected for " + TOKEN + "\"}")));

        try (CamelContext context = contextWithToken()) {
            ProducerTemplate template = context.createProducerTemplate();
            Exchange exchange = template.request("textme-otp:validate", e -> {
                e.getMessage().setBody(CODE);
                e.getMessage().setHeader(TextMeOtpConstants.PHONE, PHONE);
            });
            TextMeOtpResult result = exchange.getMessage().getBody(TextMeOtpResult.class);
            assertEquals("code ****** rejected for ******", result.getMessage());
            assertEquals("code ****** rejected for ******", exchange.getMessage().getHeader(TextMeOtpConstants.MESSAGE));

            Exchange thrown = template.request("textme-otp:validate?throwOnInvalidCode=true", e -> {
                e.getMessage().setBody(CODE);
                e.getMessage().setHeader(TextMeOtpConstants.PHONE, PHONE);
            });
            for (Throwable t = thrown.getException(); t != null; t = t.getCause()) {
                assertFalse(t.toString().contains(CODE), t.toString());
                assertFalse(t.toString().contains(TOKEN), t.toString());
            }
        }
    }

    @Test
    void theResultBodyHoldsNoCodeAndMasksThePhoneInToString() throws Exception {
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson("{\"status\":0,\"message\":\"ok\"}")));

        try (CamelContext context = contextWithToken()) {
            TextMeOtpResult result = context.createProducerTemplate().requestBodyAndHeader(
                    "textme-otp:validate", CODE, TextMeOtpConstants.PHONE, PHONE, TextMeOtpResult.class);

            String json = new ObjectMapper().writeValueAsString(result);
            assertFalse(json.contains(CODE), json);
            assertFalse(json.contains(TOKEN), json);
            assertEquals("TextMeOtpResult[operation=validate, status=0, message=ok, valid=true, phone=" + MASKED_PHONE
                         + "]", result.toString());
        }
    }

    @Test
    void endpointUrisShownByCamelHideTheToken() throws Exception {
        try (CamelContext context = contextWithToken()) {
            TextMeOtpEndpoint endpoint = context.getEndpoint(
                    "textme-otp:send?username=leeroy&apiToken=" + TOKEN, TextMeOtpEndpoint.class);

            assertFalse(endpoint.toString().contains(TOKEN), endpoint.toString());
            assertFalse(URISupport.sanitizeUri(endpoint.getEndpointUri()).contains(TOKEN));
            assertTrue(endpoint.toString().contains("apiToken=xxxxxx"), endpoint.toString());
        }
    }

    @Test
    void requestsNeverPrintTheCodeAndMaskThePhone() {
        ApiUser user = new ApiUser("leeroy");
        String validate = new ValidateOtpRequest(user, PHONE, 1, CODE).toString();
        String send = new SendOtpRequest(user, PHONE, "DemoAPI", 1, 3, 5, "Your code: [code]").toString();

        assertEquals("ValidateOtpRequest[user=leeroy, phone=" + MASKED_PHONE + ", appId=1, code=******]", validate);
        assertEquals("SendOtpRequest[user=leeroy, phone=" + MASKED_PHONE + ", source=DemoAPI, appId=1, maxTries=3,"
                     + " validTime=5, text=set]", send);
    }

    private static CamelContext contextWithTokenOnTheComponent() {
        CamelContext context = new DefaultCamelContext();
        TextMeOtpComponent component = TextMeOtpTestSupport.componentFor("leeroy", TOKEN, textMe.baseUrl() + "/api");
        context.addComponent("textme-otp", component);
        return context;
    }

    private static CamelContext contextWithToken() {
        CamelContext context = contextWithTokenOnTheComponent();
        context.start();
        return context;
    }

    private static void assertAbsent(List<String> lines, String secret) {
        List<String> leaks = lines.stream().filter(line -> line.contains(secret)).toList();
        assertTrue(leaks.isEmpty(), () -> "'" + secret + "' was logged:\n" + String.join("\n", leaks));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalTo(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
    }
}
