package io.github.cameltextme.examples.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP contract of the phone-verification examples (otp-service, Spring Boot, Quarkus), as one black-box suite
 * over HTTP. Each example runs it with a test class that starts the service once, sending its SMS to a TextMe
 * simulator, and gives the suite the service's URL, the simulator and the service's ERROR log lines. The contract
 * itself is the table in {@code examples/README.md}.
 * <p>
 * Every request carries credentials, a cookie, a forwarding header and a probe header of the caller, and every answer
 * is checked for what no answer may hold: one of those headers, a body other than the contract's JSON, or a name of
 * the component's internals.
 */
public abstract class OtpHttpContract {

    /** 400: the body cannot be parsed as JSON. */
    public static final String NOT_JSON = "the request body is not valid JSON";
    /** 400: JSON, but not an object; an empty body too. */
    public static final String NOT_AN_OBJECT = "the request body must be a JSON object";
    /** 415: a content type other than JSON, or a charset other than UTF-8. */
    public static final String NOT_JSON_IN_UTF8 = "the request body must be JSON in UTF-8, sent as application/json";
    /** 413: a body over {@value #MAX_BODY_BYTES} bytes. */
    public static final String TOO_LARGE = "the request body is larger than 4096 bytes";
    /** 502: TextMe refused the request, whatever the reason (credentials, credit, sender...). */
    public static final String REFUSED = "the SMS provider refused the request";
    /** 503: no usable answer from TextMe. */
    public static final String UNAVAILABLE = "the SMS provider is unavailable, try again later";
    /** 503: the store the send limits count in does not answer; nothing was sent. */
    public static final String LIMITS_UNAVAILABLE = "the service is unavailable, try again later";
    /** 404: a path the service does not serve. */
    public static final String NOT_FOUND = "no such endpoint";
    /** 405: a method other than POST on one of the two endpoints. */
    public static final String METHOD_NOT_ALLOWED = "this endpoint takes POST only";
    /** The largest request body the services take. */
    public static final int MAX_BODY_BYTES = 4096;

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            // HTTP/1.1 as curl speaks it: an h2c upgrade would meet a refused body with GOAWAY instead of an answer
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Map<String, String> CALLER_HEADERS = Map.of(
            "Authorization", "Bearer caller-token-4f1c",
            "Cookie", "session=caller-cookie-9a2e",
            "X-Api-Key", "caller-api-key-77d0",
            "X-Forwarded-For", "203.0.113.77",
            "X-Echo-Probe", "caller-probe-3b8e");
    private static final Pattern ERROR_BODY = Pattern.compile("\\{\"error\":\"[^\"\\\\]+\"}");
    private static final Pattern INTERNAL_NAMES = Pattern.compile(
            "(?i)camel|textmeotp|textme-otp|header|exception|option|java\\.");

    /** The service's base URL, e.g. {@code http://127.0.0.1:8080}. */
    protected abstract String baseUrl();

    /** The simulator the service sends its SMS to, as TextMe. */
    protected abstract TextMeSimulator textMe();

    /** The lines the service has logged at ERROR so far. */
    protected abstract List<String> errorLogLines() throws IOException;

    /** The service's meters in the Prometheus text format, as its metrics scraper reads them. */
    protected abstract String prometheusMetrics() throws IOException, InterruptedException;

    /**
     * How many exchanges the textme-otp component's meters counted as refused by the limit, e.g.
     * {@code resend_interval}: the witness of which limit answered a 429, which the answer itself does not name.
     */
    public static double refusedBy(String limit, String prometheusMetrics) {
        Matcher counter = Pattern.compile("^textme_otp_exchanges_total\\{limit=\"" + Pattern.quote(limit)
                                          + "\",operation=\"\\w+\",outcome=\"refused\",status=\"none\"} (\\S+)$",
                                          Pattern.MULTILINE).matcher(prometheusMetrics);
        assertTrue(counter.find(), "no refusal counter of " + limit + " in:\n" + prometheusMetrics);
        return Double.parseDouble(counter.group(1));
    }

    @BeforeEach
    void forgetEarlierTests() {
        textMe().reset();
    }

    @Test
    void sendsACodeThatVerifiesOnce() throws Exception {
        HttpResponse<String> sent = post("/otp/send", "{\"phone\": \"+972 52-700-0001\"}");
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().matches("\\{\"sent\":true,\"phone\":\"0527000001\",\"shipmentId\":\"[^\"]+\"}"), sent.body());

        String code = textMe().lastCode("0527000001");
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertAnswer(200, "{\"valid\":false}", post("/otp/verify", verifyBody("052-700-0001", wrong)));
        assertAnswer(200, "{\"valid\":true}", post("/otp/verify", verifyBody("052-700-0001", code)));
        assertAnswer(200, "{\"valid\":false}", post("/otp/verify", verifyBody("052-700-0001", code)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /otp/send   | {"phone": "0527000002", "text": "Pay here [code]"}        | text
            /otp/send   | {"source": "Bank", "phone": "0527000002"}                 | source
            /otp/send   | {"phone": "0527000002", "code": "123456"}                 | code
            /otp/verify | {"phone": "0527000002", "code": "123456", "appId": 2}     | appId
            """)
    void anUnknownFieldIs400NamingIt(String path, String body, String field) throws Exception {
        assertRefusedBeforeTextMe(400, "Invalid " + field + ": is not a field of this request", post(path, body));
    }

    @ParameterizedTest
    @ValueSource(strings = { "CamelTextMeOtpApiToken<script>", "a-field-name-with-dashes",
                             "aFieldNameMuchLongerThanThirtyTwoCharacters" })
    void anUnknownFieldWhoseNameIsNotPlainIsRefusedWithoutRepeatingIt(String field) throws Exception {
        assertRefusedBeforeTextMe(400, "Invalid request: has a field this endpoint does not take",
                                  post("/otp/send", "{\"phone\": \"0527000002\", \"" + field + "\": \"x\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /otp/send   | {"phone": 527000003}                                  | phone
            /otp/send   | {"phone": 5.27000003E8}                               | phone
            /otp/send   | {"phone": true}                                       | phone
            /otp/send   | {"phone": ["0527000003"]}                             | phone
            /otp/send   | {"phone": {"phone": "0527000003", "text": "x"}}       | phone
            /otp/verify | {"phone": "0527000003", "code": 123456}               | code
            /otp/verify | {"phone": 527000003, "code": "123456"}                | phone
            """)
    void aValueThatIsNotAJsonStringIs400NamingTheField(String path, String body, String field) throws Exception {
        assertRefusedBeforeTextMe(400, "Invalid " + field + ": must be a JSON string", post(path, body));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /otp/send   | {}                                  | phone
            /otp/send   | {"phone": null}                     | phone
            /otp/verify | {"phone": "0527000004"}             | code
            /otp/verify | {"code": "123456"}                  | phone
            /otp/verify | {"phone": "0527000004", "code": null} | code
            """)
    void aMissingFieldIs400NamingIt(String path, String body, String field) throws Exception {
        assertRefusedBeforeTextMe(400, "Invalid " + field + ": is required", post(path, body));
    }

    @Test
    void aPhoneOrCodeThatBreaksItsRuleIs400SayingTheRule() throws Exception {
        HttpResponse<String> landline = post("/otp/send", "{\"phone\": \"03-123-4567\"}");
        assertTrue(landline.body().startsWith("{\"error\":\"Invalid phone: must be an Israeli mobile number"),
                   landline.body());
        assertRefusedBeforeTextMe(400, null, landline);
        assertRefusedBeforeTextMe(400, "Invalid code: must be exactly 6 digits",
                                  post("/otp/verify", verifyBody("0527000005", "123")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "\"0527000006\"", "527000006", "true", "[]", "[{\"phone\": \"0527000006\"}]"})
    void aBodyThatIsEmptyOrNotAJsonObjectIs400(String body) throws Exception {
        assertRefusedBeforeTextMe(400, NOT_AN_OBJECT, post("/otp/send", body));
        assertRefusedBeforeTextMe(400, NOT_AN_OBJECT, post("/otp/verify", body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone=0527000007", "{\"phone\": ", "{\"phone\": \"0527000007\"} x",
            "{\"phone\": \"0527000007\"} {}", "{'phone': '0527000007'}",
            "{\"phone\": \"0527000007\", \"phone\": \"0527000008\"}"})
    void aBodyThatIsNotJsonIs400(String body) throws Exception {
        assertRefusedBeforeTextMe(400, NOT_JSON, post("/otp/send", body));
        assertRefusedBeforeTextMe(400, NOT_JSON, post("/otp/verify", body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "application/xml",
            "application/jsonp", "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
            "application/json; charset=no-such-charset"})
    void aContentTypeOtherThanJsonInUtf8Is415(String contentType) throws Exception {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{\"phone\": \"0527000010\"}");
        assertRefusedBeforeTextMe(415, NOT_JSON_IN_UTF8, post("/otp/send", contentType, body));
        assertRefusedBeforeTextMe(415, NOT_JSON_IN_UTF8, post("/otp/verify", contentType,
                HttpRequest.BodyPublishers.ofString(verifyBody("0527000010", "123456"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "application/json;charset=utf-8",
            "Application/JSON; Charset=\"utf-8\""})
    void jsonInUtf8IsTakenWithOrWithoutItsCharset(String contentType) throws Exception {
        HttpResponse<String> verified = post("/otp/verify", contentType,
                                             HttpRequest.BodyPublishers.ofString(verifyBody("0527000011", "123456")));

        assertAnswer(200, "{\"valid\":false}", verified);
    }

    @Test
    void aBodyOverTheBoundIs413ByItsLength() throws Exception {
        String tooLarge = "{\"phone\": \"0527000012\"" + " ".repeat(MAX_BODY_BYTES) + "}";

        assertRefusedBeforeTextMe(413, TOO_LARGE, post("/otp/send", tooLarge));
    }

    @Test
    void aChunkedBodyIs413OnceItGrowsPastTheBound() throws Exception {
        String tooLarge = "{\"phone\": \"0527000012\"" + " ".repeat(MAX_BODY_BYTES) + "}";

        assertRefusedBeforeTextMe(413, TOO_LARGE, post("/otp/send", "application/json", chunked(tooLarge)));
    }

    @Test
    void aBodyOfExactlyTheBoundIsTaken() throws Exception {
        String head = "{\"phone\": \"0527000013\"";
        String body = head + " ".repeat(MAX_BODY_BYTES - head.length() - 1) + "}";
        assertEquals(MAX_BODY_BYTES, body.length());

        HttpResponse<String> sent = post("/otp/send", body);
        assertEquals(200, sent.statusCode(), sent.body());
    }

    @Test
    void aSecondSendAtOnceIs429WithRetryAfterNamingNoLimitAndSendsNothing() throws Exception {
        double refusedBefore = refusedBy("resend_interval", prometheusMetrics());
        assertEquals(200, post("/otp/send", "{\"phone\": \"0527000014\"}").statusCode());

        HttpResponse<String> again = post("/otp/send", "{\"phone\": \"052-700-0014\"}");
        assertEquals(429, again.statusCode(), again.body());
        long seconds = Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(seconds >= 1 && seconds <= 30, "Retry-After: " + seconds);
        assertEquals("{\"error\":\"too many requests, try again in " + seconds + " s\","
                     + "\"retryAfterSeconds\":" + seconds + "}", again.body());
        assertEquals(refusedBefore + 1, refusedBy("resend_interval", prometheusMetrics()),
                     "the resend interval refused it");
        assertEquals(1, textMe().messages().size(), "one SMS");
    }

    @ParameterizedTest
    @CsvSource({"3, 0527000015", "4, 0527000016", "11, 0527000017", "515, 0527000018"})
    void textMeRefusingIs502WhateverTheReason(int status, String phone) throws Exception {
        textMe().refuseNext(1, status);

        assertAnswer(502, "{\"error\":\"" + REFUSED + "\"}", post("/otp/send", "{\"phone\": \"" + phone + "\"}"));
        assertTrue(textMe().messages().isEmpty(), "no SMS");
    }

    @Test
    void textMeRefusingForAReasonOtherThanTheCredentialsLogsNoErrorPerRequest() throws Exception {
        List<String> before = errorLogLines();
        textMe().refuseNext(2, 4);
        assertEquals(502, post("/otp/send", "{\"phone\": \"0527000030\"}").statusCode());
        assertEquals(502, post("/otp/send", "{\"phone\": \"0527000031\"}").statusCode());
        assertEquals(before, errorLogLines(), "ERROR lines for an account out of credit");
    }

    @Test
    void textMeRefusingAValidateIs502() throws Exception {
        textMe().refuseNext(1, 3);

        assertAnswer(502, "{\"error\":\"" + REFUSED + "\"}", post("/otp/verify", verifyBody("0527000019", "123456")));
    }

    @Test
    void noUsableAnswerFromTextMeIs503() throws Exception {
        textMe().failNext(1, 500);
        assertAnswer(503, "{\"error\":\"" + UNAVAILABLE + "\"}", post("/otp/send", "{\"phone\": \"0527000020\"}"));
        textMe().dropConnectionNext(1);
        assertAnswer(503, "{\"error\":\"" + UNAVAILABLE + "\"}", post("/otp/verify", verifyBody("0527000020", "123456")));
        textMe().answerMalformedNext(1);
        assertAnswer(503, "{\"error\":\"" + UNAVAILABLE + "\"}", post("/otp/send", "{\"phone\": \"0527000021\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone=0527000023&code=12345%", "phone=0527000023&code=%zz", "300 fields"})
    void aFormBodyThatCannotBeDecodedIs415AndNotLoggedAtError(String form) throws Exception {
        List<String> before = errorLogLines();
        String body = form.equals("300 fields") ? "a=1&".repeat(300) : form;

        assertRefusedBeforeTextMe(415, NOT_JSON_IN_UTF8, post("/otp/verify", "application/x-www-form-urlencoded",
                                                               HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(before, errorLogLines(), "ERROR lines for a form body");
    }

    @Test
    void aCallerThatClosesTheConnectionMidBodyIsNotLoggedAtError() throws Exception {
        List<String> before = errorLogLines();
        URI service = URI.create(baseUrl());
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            socket.getOutputStream().write(("POST /otp/verify HTTP/1.1\r\nHost: " + service.getAuthority()
                                            + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                                            + "{\"phone\": \"0527000024\"").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        // the service goes on answering, and has said nothing at ERROR about the request it lost
        assertAnswer(200, "{\"valid\":false}", post("/otp/verify", verifyBody("0527000024", "123456")));
        assertEquals(before, errorLogLines(), "ERROR lines for a connection the caller closed");
    }

    @Test
    void callerMistakesAreNotLoggedAtError() throws Exception {
        List<String> before = errorLogLines();

        post("/otp/send", "{\"phone\": \"0527000022\"" + " ".repeat(2 * MAX_BODY_BYTES) + "}");
        send("/otp/send", "application/json", chunked("{\"phone\": \"0527000022\"" + " ".repeat(2 * MAX_BODY_BYTES) + "}"));
        post("/otp/send", "not json");
        post("/otp/send", "[]");
        post("/otp/send", "text/plain", HttpRequest.BodyPublishers.ofString("0527000022"));
        post("/otp/send", "application/json; charset=no-such-charset",
             HttpRequest.BodyPublishers.ofString("{\"phone\": \"0527000022\"}"));
        post("/otp/send", "{\"phone\": 527000022, \"text\": \"x\"}");
        post("/otp/verify", verifyBody("0527000022", "12"));

        assertEquals(before, errorLogLines(), "ERROR lines for callers' mistakes");
    }

    @ParameterizedTest
    @CsvSource({"text/html, 0527000040", "application/xml, 0527000041",
                "'text/html,application/xhtml+xml;q=0.9', 0527000042", "image/png, 0527000043"})
    void anAcceptHeaderChangesNothingInTheAnswer(String accept, String phone) throws Exception {
        HttpResponse<String> sent = post("/otp/send", "application/json",
                                         HttpRequest.BodyPublishers.ofString("{\"phone\": \"" + phone + "\"}"),
                                         "Accept", accept);
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().startsWith("{\"sent\":true,\"phone\":\"" + phone + "\""), sent.body());
        assertAnswer(200, "{\"valid\":false}", post("/otp/verify", "application/json",
                HttpRequest.BodyPublishers.ofString(verifyBody(phone, "000000")), "Accept", accept));
        assertAnswer(400, "{\"error\":\"Invalid code: must be exactly 6 digits\"}", post("/otp/verify",
                "application/json", HttpRequest.BodyPublishers.ofString(verifyBody(phone, "1")), "Accept", accept));
    }

    @ParameterizedTest
    @CsvSource({"GET, /otp/send", "PUT, /otp/send", "DELETE, /otp/send", "OPTIONS, /otp/send", "PATCH, /otp/send",
                "GET, /otp/verify", "PUT, /otp/verify", "DELETE, /otp/verify", "OPTIONS, /otp/verify", "PATCH, /otp/verify"})
    void anotherMethodThanPostIs405(String method, String path) throws Exception {
        List<String> before = errorLogLines();

        HttpResponse<String> answer = request(method, path, "Accept", "text/html");

        assertRefusedBeforeTextMe(405, METHOD_NOT_ALLOWED, answer);
        answer.headers().firstValue("Allow").ifPresent(allow -> assertTrue(allow.contains("POST"), "Allow: " + allow));
        assertEquals(before, errorLogLines(), "ERROR lines for a method not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/otp", "/otp/", "/otp/sendx", "/otp/send/more", "/error", "/index.html",
            "/otp/%3Cscript%3Ealert(1)%3C/script%3E", "/%3Cscript%3Ealert(1)%3C/script%3E"})
    void anUnknownPathIs404NamingNothingOfIt(String path) throws Exception {
        List<String> before = errorLogLines();

        assertRefusedBeforeTextMe(404, NOT_FOUND, request("GET", path, "Accept", "text/html"));
        assertRefusedBeforeTextMe(404, NOT_FOUND, post(path, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"phone\": \"0527000044\"}"), "Accept", "text/html"));
        assertEquals(before, errorLogLines(), "ERROR lines for an unknown path");
    }

    @Test
    void aLongUnknownPathIs404NamingNothingOfIt() throws Exception {
        String path = "/otp/" + "send".repeat(500) + "%3Cscript%3E";

        assertRefusedBeforeTextMe(404, NOT_FOUND, request("GET", path, "Accept", "text/html"));
        assertRefusedBeforeTextMe(404, NOT_FOUND, post(path, "{\"phone\": \"0527000045\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/otp/send/", "/otp//send", "/otp/./send", "/x/../otp/send", "/otp/send;x=1", "/otp;x=1/send",
            "/otp/%73end", "/%6Ftp/send", "/OTP/SEND", "/otp/verify/", "/otp/./verify", "/otp/verify;x=1"})
    void anotherSpellingOfAnEndpointPathIs404(String path) throws Exception {
        List<String> before = errorLogLines();

        assertRefusedBeforeTextMe(404, NOT_FOUND, post(path, "{\"phone\": \"0527000046\"}"));
        assertRefusedBeforeTextMe(404, NOT_FOUND, request("OPTIONS", path));
        assertEquals(before, errorLogLines(), "ERROR lines for another spelling of a path");
    }

    @Test
    void aQueryStringChangesNothing() throws Exception {
        HttpResponse<String> sent = post("/otp/send?phone=0527000048", "{\"phone\": \"0527000047\"}");

        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().startsWith("{\"sent\":true,\"phone\":\"0527000047\""), sent.body());
    }

    @Test
    void aRequestOfferingAnUpgradeToHttp2IsServed() throws Exception {
        HttpClient offeringHttp2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> sent = offeringHttp2.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/otp/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone\": \"0527000050\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().startsWith("{\"sent\":true,\"phone\":\"0527000050\""), sent.body());
    }

    static Stream<Arguments> requestsTheWebServerMayRefuseItself() {
        return Stream.of(
                Arguments.of("TRACE, which must never echo the request", new String[] {"TRACE /otp/send HTTP/1.1"}),
                Arguments.of("an encoded slash", new String[] {"POST /otp%2Fsend HTTP/1.1"}),
                Arguments.of("an encoded NUL", new String[] {"POST /otp/send%00 HTTP/1.1"}),
                Arguments.of("a broken percent-encoding", new String[] {"POST /otp/send%ZZ HTTP/1.1"}),
                Arguments.of("no request line", new String[] {"NOT HTTP AT ALL"}),
                Arguments.of("a request line over 8 KB", new String[] {"POST /otp/" + "a".repeat(9000) + " HTTP/1.1"}),
                Arguments.of("a header over 8 KB", new String[] {"POST /otp/send HTTP/1.1", "X-Big: " + "b".repeat(9000)}),
                Arguments.of("a header name with a space", new String[] {"POST /otp/send HTTP/1.1", "Bad Header: x"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsTheWebServerMayRefuseItself")
    void aRequestTheWebServerMayRefuseItselfIs4xxWithNoBodyOrAJsonError(String what, String[] lines) throws Exception {
        List<String> before = errorLogLines();
        String[] withProbe = Arrays.copyOf(lines, lines.length + 1);
        withProbe[lines.length] = "X-Echo-Probe: " + CALLER_HEADERS.get("X-Echo-Probe");

        RawHttpExchange answer = RawHttpExchange.send(URI.create(baseUrl()), "{\"phone\": \"0527000049\"}", withProbe);

        assertTrue(answer.status() >= 400 && answer.status() < 500, what + ": " + answer.text());
        if (!answer.body().isEmpty()) {
            assertTrue(ERROR_BODY.matcher(answer.body()).matches(), what + ": " + answer.text());
            assertTrue(answer.headers().getOrDefault("content-type", "").startsWith("application/json"),
                       what + ": " + answer.text());
        }
        assertFalse(answer.text().contains(CALLER_HEADERS.get("X-Echo-Probe")), what + ": " + answer.text());
        assertNothingReachedTextMe();
        assertEquals(before, errorLogLines(), "ERROR lines for " + what);
    }

    private static String verifyBody(String phone, String code) {
        return "{\"phone\": \"" + phone + "\", \"code\": \"" + code + "\"}";
    }

    /** A body sent in chunks, without a Content-Length. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    /** Posts the JSON as {@code application/json}. */
    protected final HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    /**
     * Posts the body with the content type (none when empty), the caller's headers and the extra ones given as name,
     * value, name, value..., and checks what every answer must be: JSON, with none of the request's headers, and when
     * it is an error, {@code {"error": "..."}} (a 429 adds {@code retryAfterSeconds}) naming none of the component's
     * internals.
     */
    protected final HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body,
                                              String... headers) throws IOException, InterruptedException {
        return assertContractAnswer(path, send("POST", path, contentType, body, headers));
    }

    /**
     * Sends a request of the method with no body, the caller's headers and the extra ones, and checks the answer as
     * {@link #post} does.
     */
    protected final HttpResponse<String> request(String method, String path, String... headers)
            throws IOException, InterruptedException {
        return assertContractAnswer(path, send(method, path, "", HttpRequest.BodyPublishers.noBody(), headers));
    }

    private static HttpResponse<String> assertContractAnswer(String path, HttpResponse<String> answer) {
        String where = path + " -> " + answer.statusCode() + " " + answer.body();
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                   "Content-Type " + answer.headers().firstValue("Content-Type") + ": " + where);
        if (answer.statusCode() >= 400) {
            String body429 = answer.body().replaceFirst(",\"retryAfterSeconds\":\\d+}$", "}");
            assertTrue(ERROR_BODY.matcher(answer.statusCode() == 429 ? body429 : answer.body()).matches(), where);
            String message = answer.body().substring("{\"error\":\"".length());
            assertFalse(INTERNAL_NAMES.matcher(message).find(), "names an internal: " + where);
        }
        return answer;
    }

    private HttpResponse<String> send(String path, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return send("POST", path, contentType, body);
    }

    /**
     * Sends the request with the content type (none when empty), the caller's headers and the extra ones given as
     * name, value, name, value...; none of the caller's may come back.
     */
    private HttpResponse<String> send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                                      String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        CALLER_HEADERS.forEach(request::header);
        HttpResponse<String> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertNothingOfTheRequestIn(answer);
        return answer;
    }

    private static void assertNothingOfTheRequestIn(HttpResponse<String> answer) {
        for (Map.Entry<String, String> header : CALLER_HEADERS.entrySet()) {
            assertTrue(answer.headers().firstValue(header.getKey()).isEmpty(),
                       header.getKey() + " copied into the answer: " + answer.headers().map());
        }
        answer.headers().map().forEach((name, values) -> values.forEach(value -> CALLER_HEADERS.values().forEach(
                sent -> assertFalse(value.contains(sent), name + ": " + value + " holds the request's " + sent))));
    }

    private static void assertAnswer(int status, String body, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(body, answer.body());
    }

    /** The answer has the status (and, unless null, the error message), and no send or validate reached TextMe. */
    private void assertRefusedBeforeTextMe(int status, String error, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        if (error != null) {
            assertEquals("{\"error\":\"" + error + "\"}", answer.body());
        }
        assertNothingReachedTextMe();
    }

    /** No send or validate reached TextMe (the readiness checks' balance calls may have). */
    private void assertNothingReachedTextMe() {
        assertEquals(List.of(), textMe().requests().stream()
                .filter(request -> !request.body().contains("\"balance\"")).toList(), "requests that reached TextMe");
    }
}
