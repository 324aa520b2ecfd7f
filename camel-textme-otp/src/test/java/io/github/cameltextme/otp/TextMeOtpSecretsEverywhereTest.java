package io.github.cameltextme.otp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.BacklogTracer;
import org.apache.camel.spi.Tracer;
import org.apache.camel.support.processor.DefaultMaskingFormatter;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API token and the OTP codes never appear in what Camel shows once they are in the hands of {@code textme-otp}:
 * logs at every level (Camel's tracer, message history and exhausted-exchange logs included), JMX attributes of every
 * Camel MBean, every dev console (text and JSON), health-check results, exception chains, and the message after the
 * call. The codes are real ones from the TextMe simulator, and codes a misbehaving server echoes back (WireMock).
 * <p>
 * What the caller puts on its own message before {@code textme-otp} runs is the caller's: the {@code rule...} tests
 * prove the rules the README's security section gives users for it.
 */
class TextMeOtpSecretsEverywhereTest {

    private static final String USERNAME = "leeroy";
    private static final String TOKEN = "tk-SeCrEt-4b1d9e77";
    private static final String PHONE = "0547654321";
    /** A code sent to the echoing server, which echoes it back in every way it can. */
    private static final String ECHO_CODE = "740391";
    /** HttpClient's own raw-traffic loggers (off unless turned on; the README says to keep them off). */
    private static final List<String> RAW_TRAFFIC_LOGGERS = List.of(
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    private static TextMeSimulator sim;

    @RegisterExtension
    static WireMockExtension echo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @BeforeAll
    static void startSimulator() {
        sim = TextMeSimulator.builder().account(USERNAME, TOKEN).start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }

    @Test
    void noCamelViewShowsTheTokenOrACodeOnceTextMeOtpHasThem() throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> logLines;
        String code;
        String wrongCode;
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            // the readiness checks call the balance every 100 ms, so that they see each answer of the echoing server
            try (CamelContext context = instrumentedContext(
                    true, c -> c.getComponent("textme-otp", TextMeOtpComponent.class).setBalanceCheckInterval(100))) {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        errorHandler(defaultErrorHandler().logExhaustedMessageBody(true));
                        from("direct:send").routeId("send").to("textme-otp:send").to("log:sent?showAll=true");
                        from("direct:validate").routeId("validate").to("textme-otp:validate")
                                .to("log:validated?showAll=true").log("validated: ${headers} ${body}");
                        from("direct:strict").routeId("strict").to("textme-otp:validate?throwOnInvalidCode=true");
                        from("direct:echo").routeId("echo").to("textme-otp:validate?baseUrl=" + echoUrl())
                                .to("log:echoed?showAll=true");
                    }
                });
                context.start();
                ProducerTemplate template = context.createProducerTemplate();

                record(outputs, "send", send(template, "direct:send"));
                code = sim.lastCode(PHONE);
                wrongCode = code.equals("938271") ? "938272" : "938271";
                Exchange wrong = record(outputs, "wrong code", validate(template, "direct:validate", wrongCode));
                Exchange strict = record(outputs, "wrong code, throwOnInvalidCode", validate(template, "direct:strict", wrongCode));
                Exchange right = record(outputs, "right code", validate(template, "direct:validate", code));
                Exchange used = record(outputs, "used code", validate(template, "direct:validate", code));
                assertEquals(false, wrong.getMessage().getBody(TextMeOtpResult.class).getValid());
                assertInstanceOf(TextMeOtpInvalidCodeException.class, strict.getException());
                assertEquals(true, right.getMessage().getBody(TextMeOtpResult.class).getValid());
                assertEquals(false, used.getMessage().getBody(TextMeOtpResult.class).getValid());

                echoingAnswers().forEach((answer, response) -> {
                    echo.resetMappings();
                    echo.stubFor(post(urlPathEqualTo("/api")).willReturn(response));
                    record(outputs, "echoing server: " + answer, validate(template, "direct:echo", ECHO_CODE));
                });
                assertEquals(echoingAnswers().size(), echo.findAll(postRequestedFor(urlPathEqualTo("/api"))
                        .withRequestBody(matchingJsonPath("$." + TextMeOtpOperation.validate.apiCommand()))).size(),
                             "each answer was served");

                echo.resetMappings();
                echo.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.balance"))
                        .willReturn(okJson("{\"status\":3,\"message\":\"token " + TOKEN + " of " + USERNAME + " refused\"}")));
                outputs.put("health, balance refused", AwaitedState.until(
                        () -> healthResults(context), health -> health.contains("textme.status=3"), "a refused balance"));
                echo.resetMappings();
                echo.stubFor(post(urlPathEqualTo("/api")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html").withBody("<html>token " + TOKEN + "</html>")));
                outputs.put("health, HTML page", AwaitedState.until(
                        () -> healthResults(context), health -> health.contains("TextMe is unreachable"), "an HTML page"));

                outputs.put("JMX", jmxDump());
                outputs.put("dev consoles", devConsoles(context));
            }
            logLines = logs.lines();
        }

        List<String> callerInput = logLines.stream().filter(TextMeOtpSecretsEverywhereTest::isCallerInputTrace).toList();
        List<String> componentLogs = logLines.stream()
                .filter(line -> !isRawTraffic(line) && !isCallerInputTrace(line)).toList();
        outputs.put("logs", String.join("\n", componentLogs));

        // the views were really captured
        assertTrue(componentLogs.stream().anyMatch(l -> l.startsWith("TRACE ")), "TRACE lines were captured");
        assertTrue(componentLogs.stream().anyMatch(l -> l.startsWith("DEBUG " + TextMeOtpProducer.class.getName())),
                   "the component's DEBUG lines were captured");
        assertTrue(componentLogs.stream().anyMatch(l -> l.contains("Message History")), "an exhausted exchange's history");
        assertTrue(outputs.get("JMX").contains("SentCount=1"), "the endpoint MBeans were dumped");
        assertTrue(outputs.get("dev consoles").contains("== service JSON") && outputs.get("dev consoles").contains(sim.apiUrl()),
                   "the dev consoles were called");
        assertTrue(outputs.get("health, balance refused").contains("DOWN") && outputs.get("health, balance refused")
                .contains("textme.status=3"), outputs.get("health, balance refused"));
        assertTrue(outputs.get("health, balance refused").contains("UP"), "the simulator's endpoints are UP");
        // Camel's tracer printed the caller's own message before it reached textme-otp: the caller's (see the rules)
        assertTrue(callerInput.stream().anyMatch(l -> l.contains(TextMeOtpConstants.CODE + "=" + code)), callerInput::toString);

        assertNoSecretIn(outputs, TOKEN, code, wrongCode, ECHO_CODE);
    }

    /**
     * The status of TextMe's answer is printed as it came (exception message, DEBUG log, JMX ApiErrorsByStatus): a
     * server (or proxy) that echoes the request's code as the status shows the code everywhere.
     */
    @Test
    void aStatusThatEchoesTheCodeIsNeverShown() throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> logLines;
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            try (CamelContext context = instrumentedContext(true, c -> { })) {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:echo").routeId("echo").to("textme-otp:validate?baseUrl=" + echoUrl());
                    }
                });
                context.start();
                ProducerTemplate template = context.createProducerTemplate();
                for (String answer : List.of("{\"status\":\"" + ECHO_CODE + "\"}", "{\"status\":" + ECHO_CODE + "}")) {
                    echo.resetMappings();
                    echo.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson(answer)));
                    Exchange exchange = record(outputs, answer, validate(template, "direct:echo", ECHO_CODE));
                    assertTrue(exchange.isFailed(), answer);
                }
                outputs.put("JMX", jmxDump());
            }
            logLines = logs.lines();
        }
        outputs.put("logs", String.join("\n", logLines.stream()
                .filter(line -> !isRawTraffic(line) && !isCallerInputTrace(line)).toList()));

        assertNoSecretIn(outputs, ECHO_CODE);
    }

    /**
     * README rule: with {@code logMask} on, the Log EIP masks the {@code CamelTextMeOtpCode} header (the component
     * registers it as a sensitive keyword), not a code in a Map body; the log component masks the header only with a
     * {@code CamelCustomLogMask} formatter made from the context (it otherwise knows only Camel's built-in keywords);
     * Camel's tracer never does.
     */
    @Test
    void ruleLogMaskHidesTheCodeHeaderInTheLogEipAndInTheLogComponentWithCamelCustomLogMask() throws Exception {
        String code = "318274";
        echo.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson("{\"status\":0,\"message\":\"valid\"}")));

        List<String> lines = callerLogLines(code, context -> { });
        List<String> eip = linesOf(lines, "caller-eip");
        assertEquals(2, eip.size(), lines::toString);
        assertTrue(eip.get(0).contains(TextMeOtpConstants.CODE + "=xxxxx") && !containsSecret(eip.get(0), code), eip.get(0));
        assertTrue(linesOf(lines, "caller-body").get(1).contains("code=" + code),
                   "logMask does not know a Map body's code: " + linesOf(lines, "caller-body"));
        assertTrue(linesOf(lines, "caller-log").get(0).contains(TextMeOtpConstants.CODE + "=" + code),
                   "without CamelCustomLogMask the log component masks only Camel's built-in keywords");
        assertTrue(lines.stream().anyMatch(line -> isCallerInputTrace(line) && line.contains(TextMeOtpConstants.CODE + "=" + code)),
                   "Camel's tracer ignores logMask");

        List<String> custom = callerLogLines(code, context -> context.getRegistry()
                .bind("CamelCustomLogMask", new DefaultMaskingFormatter(context)));
        List<String> component = linesOf(custom, "caller-log");
        assertEquals(2, component.size(), custom::toString);
        assertTrue(component.get(0).contains(TextMeOtpConstants.CODE + "=xxxxx") && !containsSecret(component.get(0), code),
                   component.get(0));
    }

    /** A Log EIP and a log component print the caller's headers before textme-otp runs, with tracing and logMask on. */
    private List<String> callerLogLines(String code, Consumer<CamelContext> beforeRoutes) throws Exception {
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            try (CamelContext context = instrumentedContext(false, c -> { })) {
                beforeRoutes.accept(context);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:validate").log(LoggingLevel.INFO, "caller-eip", "caller sent ${headers}")
                                .log(LoggingLevel.INFO, "caller-body", "caller sent the body ${body}")
                                .to("log:caller-log?showHeaders=true").to("textme-otp:validate?baseUrl=" + echoUrl());
                    }
                });
                context.start();
                ProducerTemplate template = context.createProducerTemplate();
                assertNull(validate(template, "direct:validate", code).getException());
                assertNull(template.request("direct:validate", e -> e.getMessage().setBody(Map.of("phone", PHONE, "code", code)))
                        .getException());
            }
            return logs.lines();
        }
    }

    /**
     * README rule: Camel's tracer and backlog tracer (dev consoles {@code trace}, {@code message-history}) print the
     * caller's message as it is, before {@code textme-otp} runs, whatever {@code logMask} says. A trace pattern
     * ({@code Tracer#setTracePattern}) leaving out the routes that carry codes hides their steps but not the line that
     * starts the route; with {@code Tracer#setTraceBeforeAndAfterRoute(false)} too, the code is not traced.
     */
    @Test
    void ruleCamelsTracersShowTheCallersMessageUnlessTracePatternLeavesTheRouteOut() throws Exception {
        String code = "529164";
        echo.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson("{\"status\":0,\"message\":\"valid\"}")));

        List<String> traced;
        String backlog;
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            try (CamelContext context = tracedContext(c -> c.setBacklogTracing(true))) {
                validate(context.createProducerTemplate(), "direct:validate", code);
                backlog = context.getCamelContextExtension().getContextPlugin(BacklogTracer.class)
                        .dumpAllTracedMessagesAsJSon();
            }
            traced = logs.lines();
        }
        assertTrue(traced.stream().anyMatch(line -> isCallerInputTrace(line) && line.contains(code)), "the tracer shows it");
        assertTrue(backlog.contains(code), "the backlog tracer keeps the caller's message");

        // a trace pattern leaves the route's steps out, but not the line that starts the route
        List<String> patternOnly = tracedLines(code, tracer -> tracer.setTracePattern("other*"));
        assertTrue(patternOnly.stream().anyMatch(line -> line.contains("[to[log:other]")), "the other route is traced");
        List<String> shown = patternOnly.stream().filter(line -> containsSecret(line, code)).toList();
        assertFalse(shown.isEmpty(), "the route-start line shows the code");
        assertTrue(shown.stream().allMatch(line -> line.contains("*--> [validate    ] [from[direct:validate]")),
                   shown::toString);

        // with the route lines off too, the code is not traced
        List<String> leftOut = tracedLines(code, tracer -> {
            tracer.setTracePattern("other*");
            tracer.setTraceBeforeAndAfterRoute(false);
        });
        assertTrue(leftOut.stream().anyMatch(line -> line.contains("[to[log:other]")), "the other route is traced");
        List<String> leaks = leftOut.stream().filter(line -> containsSecret(line, code)).toList();
        assertTrue(leaks.isEmpty(), leaks::toString);
    }

    private List<String> tracedLines(String code, Consumer<Tracer> tracerSettings) throws Exception {
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            try (CamelContext context = tracedContext(c -> tracerSettings.accept(c.getTracer()))) {
                validate(context.createProducerTemplate(), "direct:validate", code);
                context.createProducerTemplate().sendBody("direct:other", "hello");
            }
            return logs.lines().stream().filter(line -> !isRawTraffic(line)).toList();
        }
    }

    /**
     * README rule: pass the code in the {@code CamelTextMeOtpCode} header, which validate removes whatever the outcome;
     * a code passed in the body (String or Map) stays on the message when validate fails (only a result replaces it).
     */
    @Test
    void ruleTheCodeHeaderIsGoneAfterValidateWhateverTheOutcomeButABodyStaysWhenItFails() throws Exception {
        String code = "861203";
        Map<String, ResponseDefinitionBuilder> outcomes = new LinkedHashMap<>();
        outcomes.put("valid", okJson("{\"status\":0,\"message\":\"valid\"}"));
        outcomes.put("API error", okJson("{\"status\":515,\"message\":\"no\"}"));
        outcomes.put("transport error", aResponse().withStatus(503));

        try (CamelContext context = instrumentedContext(false, c -> { })) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String uri = "textme-otp:validate?baseUrl=" + echoUrl();
            for (Map.Entry<String, ResponseDefinitionBuilder> outcome : outcomes.entrySet()) {
                echo.resetMappings();
                echo.stubFor(post(urlPathEqualTo("/api")).willReturn(outcome.getValue()));
                boolean fails = !outcome.getKey().equals("valid");

                Exchange header = validate(template, uri, code);
                assertEquals(fails, header.isFailed(), outcome.getKey());
                assertNull(header.getMessage().getHeader(TextMeOtpConstants.CODE), outcome.getKey());
                assertFalse(messageText(header).contains(code), outcome.getKey() + ": " + messageText(header));

                Exchange body = template.request(uri, e -> {
                    e.getMessage().setHeader(TextMeOtpConstants.PHONE, PHONE);
                    e.getMessage().setBody(code);
                });
                assertEquals(fails, body.isFailed(), outcome.getKey());
                assertEquals(fails, messageText(body).contains(code), outcome.getKey() + ": " + messageText(body));

                Exchange map = template.request(uri, e -> e.getMessage().setBody(Map.of("phone", PHONE, "code", code)));
                assertEquals(fails, map.isFailed(), outcome.getKey());
                assertEquals(fails, messageText(map).contains(code), outcome.getKey() + ": " + messageText(map));
            }
            // an input error is found before anything is sent: the header goes too
            Exchange badPhone = template.request(uri, e -> {
                e.getMessage().setHeader(TextMeOtpConstants.PHONE, "123");
                e.getMessage().setHeader(TextMeOtpConstants.CODE, code);
            });
            assertInstanceOf(TextMeOtpValidationException.class, badPhone.getException());
            assertNull(badPhone.getMessage().getHeader(TextMeOtpConstants.CODE));
        }
    }

    /**
     * README rule: set the token on the component ({@code camel.component.textme-otp.api-token}); a token written in an
     * endpoint URI is shown by Camel's own views, e.g. the {@code endpoint} dev console's JSON.
     */
    @Test
    void ruleATokenWrittenInAnEndpointUriIsShownByCamelsOwnViews() throws Exception {
        String uriToken = "tk-in-the-uri-5c6d7e";
        try (CamelContext context = instrumentedContext(true, c -> { })) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("textme-otp:send?apiToken=" + uriToken);
                }
            });
            context.start();

            Object json = DevConsoleRegistry.get(context).getConsole("endpoint").orElseThrow()
                    .call(DevConsole.MediaType.JSON, Map.of());
            assertTrue(((JsonObject) json).toJson().contains(uriToken), "Camel's endpoint console prints raw URIs");
            assertFalse(jmxDump().contains(uriToken), "JMX masks it");
        }
    }

    /**
     * README rule: give {@code camel.component.textme-otp.api-token} from the environment or a vault
     * ({@code {{env:...}}}), not as a literal: Camel's {@code properties} dev console shows property values, and does
     * not count {@code api-token} as sensitive.
     */
    @Test
    void ruleTheTokenPropertyComesFromTheEnvironmentNotALiteral() throws Exception {
        String literal = propertiesConsole("camel.component.textme-otp.api-token", TOKEN);
        assertTrue(literal.contains(TOKEN), "Camel's properties console shows a literal token");

        assertNotNull(System.getenv("PATH"));
        String fromEnvironment = propertiesConsole("camel.component.textme-otp.api-token", "{{env:PATH}}");
        assertTrue(fromEnvironment.contains("{{env:PATH}}"), fromEnvironment);
        assertFalse(fromEnvironment.contains(System.getenv("PATH")), "the console shows the placeholder, not its value");
    }

    /**
     * The code header is a sensitive keyword from the moment the context is built (TextMeOtpSensitiveKeywords, a
     * ContextServicePlugin), so a Log EIP built before the component exists (a component created on first use, by the
     * route that logs) masks it too. Note Camel masks a log message that starts with '{' as JSON only.
     */
    @Test
    void logMaskHidesTheCodeHeaderAlsoWhenTheComponentIsCreatedOnFirstUse() throws Exception {
        String code = "604517";
        echo.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson("{\"status\":0,\"message\":\"valid\"}")));
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            try (CamelContext context = new DefaultCamelContext()) {
                context.setLogMask(true);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:validate").log(LoggingLevel.INFO, "caller-eip", "caller sent ${headers}")
                                .to("textme-otp:validate?username=" + USERNAME + "&apiToken=" + TOKEN + "&baseUrl=" + echoUrl());
                    }
                });
                context.start();
                validate(context.createProducerTemplate(), "direct:validate", code);
            }
            lines = logs.lines();
        }
        assertEquals(1, linesOf(lines, "caller-eip").size(), lines::toString);
        assertFalse(linesOf(lines, "caller-eip").get(0).contains(code), linesOf(lines, "caller-eip").get(0));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String propertiesConsole(String key, String value) throws Exception {
        try (CamelContext context = instrumentedContext(true, c -> c.getPropertiesComponent().addInitialProperty(key, value))) {
            context.start();
            DevConsole console = DevConsoleRegistry.get(context).getConsole("properties").orElseThrow();
            return console.call(DevConsole.MediaType.TEXT, Map.of()) + "\n"
                   + ((JsonObject) console.call(DevConsole.MediaType.JSON, Map.of())).toJson();
        }
    }

    private CamelContext tracedContext(Consumer<CamelContext> tracing) throws Exception {
        CamelContext context = instrumentedContext(false, tracing);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:validate").routeId("validate").to("textme-otp:validate?baseUrl=" + echoUrl());
                from("direct:other").routeId("other").to("log:other");
            }
        });
        context.start();
        return context;
    }

    /**
     * A context with everything that shows exchanges on: JMX (when asked), Camel's tracer with the log mask, message
     * history, the dev consoles, producer health checks; its textme-otp component talks to the simulator with the token.
     */
    private static CamelContext instrumentedContext(boolean jmx, Consumer<CamelContext> customizer) {
        boolean jmxDisabled = DefaultCamelContext.isDisableJmx();
        DefaultCamelContext.setDisableJmx(!jmx);
        CamelContext context;
        try {
            context = new DefaultCamelContext();
        } finally {
            DefaultCamelContext.setDisableJmx(jmxDisabled);
        }
        TextMeOtpComponent component = TextMeOtpTestSupport.componentFor(USERNAME, TOKEN, sim.apiUrl());
        context.addComponent("textme-otp", component);
        context.setTracing(true);
        context.setLogMask(true);
        context.setMessageHistory(true);
        context.setDevConsole(true);
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        HealthCheckRepository producers = registry.getRepository("producers")
                .orElseGet(() -> (HealthCheckRepository) registry.resolveById("producers"));
        producers.setEnabled(true);
        registry.register(producers);
        customizer.accept(context);
        return context;
    }

    private static String echoUrl() {
        return echo.baseUrl() + "/api";
    }

    /** Answers of a server that echoes the code, the token and the phone back in every way it can. */
    private static Map<String, ResponseDefinitionBuilder> echoingAnswers() {
        String all = "code " + ECHO_CODE + " for " + PHONE + " with token " + TOKEN;
        Map<String, ResponseDefinitionBuilder> answers = new LinkedHashMap<>();
        answers.put("status 0, message echoing", okJson("{\"status\":0,\"message\":\"" + all + "\"}"));
        answers.put("status 12, message echoing", okJson("{\"status\":12,\"message\":\"" + all + "\"}"));
        answers.put("status 515, message echoing", okJson("{\"status\":515,\"message\":\"" + all + "\"}"));
        answers.put("status 3, message echoing", okJson("{\"status\":3,\"message\":\"" + all + "\"}"));
        answers.put("HTML page echoing", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>" + all + "</body></html>"));
        answers.put("HTTP 500 echoing", aResponse().withStatus(500).withHeader("Content-Type", "text/plain")
                .withBody(all));
        answers.put("truncated JSON", okJson("{\"status\":0,\"message\":\"" + all));
        answers.put("trailing garbage", okJson("{\"status\":0} " + ECHO_CODE + " " + TOKEN));
        answers.put("bare code", okJson(ECHO_CODE));
        answers.put("token as status", okJson("{\"status\":\"" + TOKEN + "\"}"));
        answers.put("token as a field name", okJson("{\"status\":0,\"" + TOKEN + "\":\"" + ECHO_CODE + "\"}"));
        return answers;
    }

    private static Exchange send(ProducerTemplate template, String uri) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setHeader(TextMeOtpConstants.PHONE, PHONE));
        assertNull(exchange.getException());
        return exchange;
    }

    /** Validates as the README says: the phone and the code in their headers. */
    private static Exchange validate(ProducerTemplate template, String uri, String code) {
        return template.request(uri, e -> {
            e.getMessage().setHeader(TextMeOtpConstants.PHONE, PHONE);
            e.getMessage().setHeader(TextMeOtpConstants.CODE, code);
        });
    }

    /** Keeps what the exchange holds after the call: message, properties, result as JSON, exception chain. */
    private static Exchange record(Map<String, String> outputs, String what, Exchange exchange) {
        StringBuilder text = new StringBuilder(messageText(exchange));
        text.append('\n').append(exchange.getAllProperties());
        Object body = exchange.getMessage().getBody();
        if (body instanceof TextMeOtpResult result) {
            try {
                text.append('\n').append(new ObjectMapper().writeValueAsString(result));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        text.append('\n').append(exceptionChain(exchange.getException()));
        outputs.put("exchange: " + what, text.toString());
        return exchange;
    }

    private static String messageText(Exchange exchange) {
        return exchange.getMessage().getBody() + "\n" + exchange.getMessage().getHeaders();
    }

    /** Every throwable of the chain, causes and suppressed ones, with messages and stack traces. */
    static String exceptionChain(Throwable top) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>();
        if (top != null) {
            pending.add(top);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            if (!seen.add(t)) {
                continue;
            }
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            text.append(t).append('\n').append(t.getMessage()).append('\n').append(t.getLocalizedMessage()).append('\n')
                    .append(trace).append('\n');
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        return text.toString();
    }

    /** Runs every health check with full details. */
    private static String healthResults(CamelContext context) {
        StringBuilder text = new StringBuilder();
        for (HealthCheck.Result result : HealthCheckHelper.invoke(context, check -> Map.of(), check -> false, "full")) {
            text.append(result.getCheck().getId()).append(' ').append(result.getState()).append(' ')
                    .append(result.getMessage().orElse("")).append(' ').append(result.getDetails()).append('\n')
                    .append(exceptionChain(result.getError().orElse(null)));
        }
        return text.toString();
    }

    /** Every attribute of every Camel MBean, as JMX clients read them. */
    private static String jmxDump() throws Exception {
        StringBuilder text = new StringBuilder();
        for (ObjectName name : JMX.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            for (MBeanAttributeInfo attribute : JMX.getMBeanInfo(name).getAttributes()) {
                text.append(name).append(' ').append(attribute.getName()).append('=');
                try {
                    text.append(attribute.isReadable() ? JMX.getAttribute(name, attribute.getName()) : "(write-only)");
                } catch (Exception e) {
                    text.append(exceptionChain(e));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** Every dev console, as text and as JSON. */
    private static String devConsoles(CamelContext context) {
        StringBuilder text = new StringBuilder();
        DevConsoleRegistry.get(context).stream().forEach(console -> {
            for (DevConsole.MediaType type : DevConsole.MediaType.values()) {
                if (console.supportMediaType(type)) {
                    text.append("== ").append(console.getId()).append(' ').append(type).append('\n');
                    try {
                        Object out = console.call(type, Map.of());
                        text.append(out instanceof JsonObject json ? json.toJson() : String.valueOf(out)).append('\n');
                    } catch (Exception e) {
                        text.append(exceptionChain(e));
                    }
                }
            }
        });
        return text.toString();
    }

    private static boolean isRawTraffic(String line) {
        return RAW_TRAFFIC_LOGGERS.stream().anyMatch(logger -> line.contains(" " + logger + " - "));
    }

    /**
     * A line of Camel's tracer that prints the message as the caller made it: at the start of a route fed by the
     * caller, or just before the textme-otp step (the route's end, after textme-otp, is not one).
     */
    private static boolean isCallerInputTrace(String line) {
        boolean routeStart = (line.contains(" *--> [") || line.contains(" ---> [")) && line.contains("] [from[direct:");
        return routeStart || line.contains("] [to[textme-otp:");
    }

    private static List<String> linesOf(List<String> lines, String logger) {
        return lines.stream().filter(line -> line.contains(" " + logger + " - ")).toList();
    }

    /**
     * Whether the text holds the secret; a code counts only as a number of its own, not as six digits inside a longer
     * run of digits or letters (timestamps, ids, hashes).
     */
    private static boolean containsSecret(String text, String secret) {
        if (!secret.chars().allMatch(Character::isDigit)) {
            return text.contains(secret);
        }
        return Pattern.compile("(?<![0-9A-Za-z])" + secret + "(?![0-9A-Za-z])").matcher(text).find();
    }

    private static void assertNoSecretIn(Map<String, String> outputs, String... secrets) {
        List<String> leaks = new ArrayList<>();
        outputs.forEach((where, text) -> text.lines().forEach(line -> {
            for (String secret : secrets) {
                if (containsSecret(line, secret)) {
                    leaks.add(where + " shows " + (secret.equals(TOKEN) ? "the token" : "code " + secret) + ": "
                              + (line.length() > 400 ? line.substring(0, 400) + "..." : line));
                }
            }
        }));
        assertTrue(leaks.isEmpty(), () -> leaks.size() + " leaks:\n" + String.join("\n", leaks));
    }
}
