package io.github.cameltextme.otp;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.cameltextme.otp.limit.InMemoryLimitStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.spi.EndpointServiceRegistry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user can observe of {@code textme-otp} endpoints: their outcome counters as attributes of the endpoint MBeans
 * (JMX), and their remote service (URL, protocol, username, never the token) through
 * {@link org.apache.camel.spi.EndpointServiceLocation}, as Camel's tracer, endpoint service registry and service dev
 * console show it.
 */
class TextMeOtpObservabilityTest extends TextMeOtpTestSupport {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withJMX(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setTracing(true);
        context.setDevConsole(true);
        return context;
    }

    @Override
    protected void configure(TextMeOtpConfiguration configuration) {
        super.configure(configuration);
        // sends the same phone twice; the refusals of the limits are counted in TextMeOtpLimitsTest
        configuration.setLimitsEnabled(false);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to("textme-otp:send");
                from("direct:validate").routeId("validate").to("textme-otp:validate");
            }
        };
    }

    @Test
    void theEndpointMBeansCountWhatTheExchangesEndedWith() throws Exception {
        stubSend("0521111111", okJson("{\"status\":0,\"message\":\"sent\",\"shipment_id\":\"77\"}"));
        stubSend("0522222222", okJson("{\"status\":4,\"message\":\"not enough credit\"}"));
        stubSend("0523333333", okJson("{\"status\":515,\"message\":\"sender not verified\"}"));
        stubSend("0524444444", aResponse().withStatus(503));
        stubValidate("111111", okJson("{\"status\":0,\"message\":\"valid\"}"));
        stubValidate("222222", okJson("{\"status\":12,\"message\":\"wrong code\"}"));
        stubValidate("333333", okJson("{\"status\":3,\"message\":\"username or API token incorrect\"}"));
        stubValidate("444444", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>maintenance</html>"));

        send("0521111111", null);
        send("0521111111", null);
        send("0522222222", TextMeOtpApiException.class);
        send("0523333333", TextMeOtpApiException.class);
        send("0523333333", TextMeOtpApiException.class);
        send("0524444444", TextMeOtpTransportException.class);
        send("123", TextMeOtpValidationException.class); // refused before sending: bad input
        Exchange unexpected = template.request("textme-otp:send", // straight to the endpoint: no route step reads it
                e -> e.getMessage().setHeader(TextMeOtpConstants.PHONE, unreadable("0525555555")));
        assertInstanceOf(TextMeOtpTransportException.class, unexpected.getException(), "fails when read: unexpected");
        validate("111111", true);
        validate("111111", true);
        validate("222222", false);
        validate("333333", TextMeOtpAuthenticationException.class);
        validate("444444", TextMeOtpTransportException.class);
        validate("12345", TextMeOtpValidationException.class); // refused before sending: bad input

        assertEquals(11, requests().size(), "requests TextMe received");
        assertEquals(Map.of("SentCount", 2L, "ValidCount", 0L, "InvalidCount", 0L, "ApiErrorCount", 3L,
                            "ApiErrorsByStatus", "{4=1, 515=2}", "TransportErrorCount", 1L, "BadInputCount", 1L,
                            "UnexpectedErrorCount", 1L),
                     counters(endpointMBean("send")));
        assertEquals(Map.of("SentCount", 0L, "ValidCount", 2L, "InvalidCount", 1L, "ApiErrorCount", 1L,
                            "ApiErrorsByStatus", "{3=1}", "TransportErrorCount", 1L, "BadInputCount", 1L,
                            "UnexpectedErrorCount", 0L),
                     counters(endpointMBean("validate")));
        ObjectName send = endpointMBean("send");
        assertEquals(20, JMX.getAttribute(send, "ConnectionsMax"), "the component's pool size");
        assertEquals(0, JMX.getAttribute(send, "ConnectionsLeased"), "no call in flight");
    }

    @Test
    void theComponentMBeanShowsTheKeysTheLimitsHoldInMemoryAndTheStateOfTheLimitStore() throws Exception {
        stubSend(PHONE, okJson("{\"status\":0,\"message\":\"sent\"}"));
        stubValidate(CODE, okJson("{\"status\":12,\"message\":\"wrong code\"}"));
        template.requestBody("textme-otp:send?limitsEnabled=true", PHONE);
        template.requestBodyAndHeaders("textme-otp:validate?limitsEnabled=true&clientValidationLimit=5", CODE,
                                       Map.of(TextMeOtpConstants.PHONE, PHONE,
                                              TextMeOtpConstants.CLIENT_KEY, "203.0.113.7"));

        ObjectName component = new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                              + ",type=components,name=\"textme-otp\"");
        assertEquals(3L, JMX.getAttribute(component, "InMemoryLimitKeys"),
                     "the phone's sends, the code sent to it and its wrong codes");
        assertEquals(1L, JMX.getAttribute(component, "InMemoryClientValidationKeys"));
        assertEquals(InMemoryLimitStore.DEFAULT_MAX_KEYS, JMX.getAttribute(component, "InMemoryLimitKeysMax"));
        assertEquals(false, JMX.getAttribute(component, "LimitStoreDown"));
        assertEquals(0L, JMX.getAttribute(component, "LimitPlacesGivenBackLate"));
        assertEquals(0L, JMX.getAttribute(component, "ClientValidationsUncounted"));
    }

    @Test
    void theEndpointMBeanCountsTheRefusalsOfEachLimitAndNoLogLineMessageOrAttributeShowsThePhoneOrTheClientKey()
            throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
        String clientKey = "client-203.0.113.77";
        List<String> logLines;
        List<String> messages = new java.util.ArrayList<>();
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:limited").to("textme-otp:send?limitsEnabled=true&clientSendLimit=1&accountSendLimit=3");
                }
            });
            limitedSend("0521000001", clientKey, null);
            messages.add(limitedSend("0521000001", null, TextMeOtpLimit.RESEND_INTERVAL));
            messages.add(limitedSend("0521000002", clientKey, TextMeOtpLimit.CLIENT_SENDS));
            limitedSend("0521000003", null, null);
            limitedSend("0521000004", null, null);
            messages.add(limitedSend("0521000005", null, TextMeOtpLimit.ACCOUNT_SENDS));
            // what the component and its store libraries log; the tracer prints the caller's own headers
            logLines = logs.lines().stream().filter(line -> {
                String logger = line.split(" ")[1];
                return logger.startsWith("io.github.cameltextme.otp") || logger.startsWith("io.github.bucket4j")
                       || logger.startsWith("com.github.benmanes");
            }).toList();
        }

        assertEquals(1, logLines.stream().filter(line -> line.startsWith("INFO ")
                                                         && line.contains("hold per JVM only")).count(),
                     "the in-memory store is announced once: " + logLines);

        ObjectName limited = endpointMBean("send?accountSendLimit=3&clientSendLimit=1&limitsEnabled=true");
        assertEquals(3L, JMX.getAttribute(limited, "LimitRefusalCount"));
        assertEquals("{RESEND_INTERVAL=1, PHONE_SENDS=0, CLIENT_SENDS=1, ACCOUNT_SENDS=1, FAILED_VALIDATIONS=0,"
                     + " CLIENT_VALIDATIONS=0}",
                     JMX.getAttribute(limited, "LimitRefusalsByLimit"));
        assertEquals(3L, JMX.getAttribute(limited, "SentCount"));

        List<String> shown = new java.util.ArrayList<>(logLines);
        shown.addAll(messages);
        for (javax.management.MBeanAttributeInfo attribute : JMX.getMBeanInfo(limited).getAttributes()) {
            shown.add(String.valueOf(JMX.getAttribute(limited, attribute.getName())));
        }
        for (String line : shown) {
            assertFalse(line.contains(clientKey), line);
            assertFalse(line.contains(TOKEN), line);
            for (int i = 1; i <= 5; i++) {
                assertFalse(line.contains("52100000" + i), line);
            }
        }
        assertTrue(messages.get(0).contains("052****001"), messages.get(0));
    }

    /** Sends through an endpoint with limits; returns the refusal's message, or null when the send went through. */
    private String limitedSend(String phone, String clientKey, TextMeOtpLimit refusedBy) {
        Exchange exchange = template.request("direct:limited", e -> {
            e.getMessage().setHeader(TextMeOtpConstants.PHONE, phone);
            e.getMessage().setHeader(TextMeOtpConstants.CLIENT_KEY, clientKey);
        });
        if (refusedBy == null) {
            assertNull(exchange.getException());
            return null;
        }
        TextMeOtpRateLimitException refusal = assertInstanceOf(TextMeOtpRateLimitException.class, exchange.getException());
        assertEquals(refusedBy, refusal.getLimit());
        return refusal.getMessage();
    }

    @Test
    void theEndpointNamesItsServiceWithoutTheToken() {
        TextMeOtpEndpoint endpoint = context.getEndpoint("textme-otp:send", TextMeOtpEndpoint.class);
        assertEquals(apiUrl(), endpoint.getServiceUrl());
        assertEquals("http", endpoint.getServiceProtocol());
        assertEquals(Map.of("username", USERNAME), endpoint.getServiceMetadata());

        TextMeOtpEndpoint dryRun = context.getEndpoint("textme-otp:send?testMode=true", TextMeOtpEndpoint.class);
        assertEquals(apiUrl() + "/test", dryRun.getServiceUrl());

        String otherToken = "tk-in-the-uri-0f9e8d";
        TextMeOtpEndpoint live = context.getEndpoint(
                "textme-otp:validate?baseUrl=https://my.textme.co.il/api&username=other&apiToken=" + otherToken,
                TextMeOtpEndpoint.class);
        assertEquals("https://my.textme.co.il/api", live.getServiceUrl());
        assertEquals("https", live.getServiceProtocol());
        assertEquals(Map.of("username", "other"), live.getServiceMetadata());
    }

    @Test
    void camelsServiceViewsAndTheTracerShowTheTextMeServiceWithoutTheToken() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
        List<String> traced;
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            template.requestBodyAndHeader("direct:send", null, TextMeOtpConstants.PHONE, PHONE);
            traced = logs.linesContaining("Sent success");
        }

        // the tracer's line for the call to the remote endpoint names the service
        assertEquals(1, traced.size(), traced::toString);
        assertTrue(traced.get(0).contains("service=" + apiUrl() + ", protocol=http, username=" + USERNAME),
                   traced.get(0));

        // Camel's endpoint service registry, which the service dev console and JMX read
        List<EndpointServiceRegistry.EndpointService> services = context.getCamelContextExtension()
                .getEndpointServiceRegistry().listAllEndpointServices().stream()
                .filter(service -> "textme-otp".equals(service.getComponent())).toList();
        assertEquals(2, services.size(), "send and validate");
        for (EndpointServiceRegistry.EndpointService service : services) {
            assertEquals(apiUrl(), service.getServiceUrl());
            assertEquals("http", service.getServiceProtocol());
            assertEquals("out", service.getDirection());
            assertEquals(Map.of("username", USERNAME), service.getServiceMetadata());
        }

        DevConsole console = DevConsoleRegistry.get(context).getConsole("service").orElseThrow();
        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        String json = ((JsonObject) console.call(DevConsole.MediaType.JSON, Map.of())).toJson();
        assertTrue(text.contains("Component: textme-otp") && text.contains("Service: " + apiUrl()), text);
        assertTrue(json.contains("\"serviceUrl\":\"" + apiUrl().replace("/", "\\/") + "\""), json);
        assertTrue(json.contains("\"metadata\":{\"username\":\"" + USERNAME + "\"}"), json);

        for (String view : List.of(traced.get(0), services.toString(), text, json)) {
            assertFalse(view.contains(TOKEN), view);
        }
    }

    private void send(String phone, Class<? extends Exception> failure) {
        Exchange exchange = template.request("direct:send", e -> e.getMessage().setHeader(TextMeOtpConstants.PHONE, phone));
        assertOutcome(exchange, failure);
    }

    private void validate(String code, Object validOrFailure) {
        Exchange exchange = template.request("direct:validate", e -> {
            e.getMessage().setHeader(TextMeOtpConstants.PHONE, PHONE);
            e.getMessage().setHeader(TextMeOtpConstants.CODE, code);
        });
        if (validOrFailure instanceof Boolean valid) {
            assertOutcome(exchange, null);
            assertEquals(valid, exchange.getMessage().getBody(TextMeOtpResult.class).getValid());
        } else {
            @SuppressWarnings("unchecked")
            Class<? extends Exception> failure = (Class<? extends Exception>) validOrFailure;
            assertOutcome(exchange, failure);
        }
    }

    private static void assertOutcome(Exchange exchange, Class<? extends Exception> failure) {
        if (failure == null) {
            assertNull(exchange.getException());
        } else {
            assertInstanceOf(failure, exchange.getException());
        }
    }

    private static void stubSend(String phone, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        textMe.stubFor(post(urlPathEqualTo("/api"))
                .withRequestBody(matchingJsonPath("$.send_otp.phone", equalTo(phone))).willReturn(answer));
    }

    private static void stubValidate(String code, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        textMe.stubFor(post(urlPathEqualTo("/api"))
                .withRequestBody(matchingJsonPath("$.validate_otp.code", equalTo(code))).willReturn(answer));
    }

    /** The MBean of the endpoint {@code textme-otp://operation}, found as a user would, by pattern. */
    private ObjectName endpointMBean(String operation) throws Exception {
        Set<ObjectName> names = JMX.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                              + ",type=endpoints,name=*textme-otp*"), null);
        List<ObjectName> matching = names.stream()
                .filter(name -> ObjectName.unquote(name.getKeyProperty("name")).equals("textme-otp://" + operation))
                .toList();
        assertEquals(1, matching.size(), names::toString);
        return matching.get(0);
    }

    private static Map<String, Object> counters(ObjectName endpoint) throws Exception {
        Map<String, Object> counters = new HashMap<>();
        for (String attribute : List.of("SentCount", "ValidCount", "InvalidCount", "ApiErrorCount", "ApiErrorsByStatus",
                                        "TransportErrorCount", "BadInputCount", "UnexpectedErrorCount")) {
            Object value = JMX.getAttribute(endpoint, attribute);
            assertNotNull(value, attribute);
            counters.put(attribute, value);
        }
        return counters;
    }
}
