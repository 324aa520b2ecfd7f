package io.github.cameltextme.examples.quarkus;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example with no TextMe setting: on the embedded simulator, through HTTP. */
@QuarkusTest
class OtpFlowTest {

    @TestHTTPResource("/")
    String baseUrl;

    @Inject
    TextMeTarget textMe;

    private OtpHttp http;
    private TextMeSimulator simulator;

    @BeforeEach
    void connect() {
        http = new OtpHttp(baseUrl);
        simulator = textMe.simulator().orElseThrow();
    }

    @Test
    void sendsACodeAndValidatesTheOneFromTheInbox() throws Exception {
        HttpResponse<String> sent = http.post("otp/send", "{\"phone\": \"052-555-0101\"}");
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().startsWith("{\"sent\":true,\"phone\":\"0525550101\",\"shipmentId\":"), sent.body());

        String code = simulator.lastCode("0525550101");
        HttpResponse<String> verified = http.post("otp/verify",
                                                  "{\"phone\": \"052-555-0101\", \"code\": \"" + code + "\"}");
        assertEquals(200, verified.statusCode());
        assertEquals("{\"valid\":true}", verified.body());
    }

    @Test
    void aWrongCodeIsNotValid() throws Exception {
        assertEquals(200, http.post("otp/send", "{\"phone\": \"0525550102\"}").statusCode());
        String wrong = simulator.lastCode("0525550102").equals("000000") ? "111111" : "000000";

        HttpResponse<String> verified = http.post("otp/verify", "{\"phone\": \"0525550102\", \"code\": \"" + wrong + "\"}");
        assertEquals(200, verified.statusCode());
        assertEquals("{\"valid\":false}", verified.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            otp/send   | {"phone": "123"}                                |
            otp/send   | {"phone": {"phone": "0525550103", "text": "x"}} | must be a JSON string
            otp/send   | not json                                        | the request body is not valid JSON
            otp/send   | ["0525550103"]                                  | the request body must be a JSON object
            otp/send   | ''                                              | the request body must be a JSON object
            otp/verify | {"phone": "0525550103", "code": "12"}           |
            otp/verify | {"phone": "0525550103"}                         |
            """)
    void badInputIs400AndSendsNothing(String path, String body, String reason) throws Exception {
        int before = simulator.messages().size();
        HttpResponse<String> answer = http.post(path, body);
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().startsWith("{\"error\":\""), answer.body());
        if (reason != null) {
            assertTrue(answer.body().contains(reason), answer.body());
        }
        assertEquals(before, simulator.messages().size());
    }

    @Test
    void aSecondSendAtOnceIs429WithTheWait() throws Exception {
        double refusedBefore = http.refusedBy("resend_interval");
        assertEquals(200, http.post("otp/send", "{\"phone\": \"0525550104\"}").statusCode());

        HttpResponse<String> again = http.post("otp/send", "{\"phone\": \"0525550104\"}");
        OtpHttp.assertTooManyRequests(again, 30);
        assertEquals(refusedBefore + 1, http.refusedBy("resend_interval"), "refused by RESEND_INTERVAL");
        assertEquals(1, simulator.messages().stream().filter(m -> m.phone().endsWith("525550104")).count());
    }

    @Test
    void aBodyOfMoreThanFourKilobytesIs413AndSendsNothing() throws Exception {
        int before = simulator.messages().size();
        String padded = "{\"phone\": \"0525550105\", \"padding\": \"" + "x".repeat(5 * 1024) + "\"}";

        assertEquals(413, http.post("otp/send", padded).statusCode());
        assertEquals(before, simulator.messages().size());
    }

    @Test
    void readinessIsUpWithTheTextMeCheckAndSendsNoSms() throws Exception {
        int before = simulator.messages().size();
        simulator.clearRequests();

        HttpResponse<String> health = awaitReady();
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"producer:textme-otp-"), health.body());
        assertFalse(health.body().contains("DOWN"), health.body());
        assertFalse(health.body().contains(simulator.token()), health.body());
        assertEquals(before, simulator.messages().size());
        // the check answers from the account's last balance call, made at most once per balance-check-interval
        assertTrue(simulator.requests().stream().allMatch(r -> r.body().contains("\"balance\"")),
                   "only balance calls");
    }

    /** q/health/ready, again every 100 ms for up to 20 s until 200: the first balance call runs in the background. */
    private HttpResponse<String> awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> health = http.get("q/health/ready");
        while (health.statusCode() != 200 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            health = http.get("q/health/ready");
        }
        return health;
    }
}
