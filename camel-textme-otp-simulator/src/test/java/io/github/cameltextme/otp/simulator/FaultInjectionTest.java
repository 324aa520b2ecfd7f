package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SimulatorApiTest {

    private HttpResponse<String> rawSend(String url) {
        return ApiClient.send(sendRequest(url).build());
    }

    private HttpRequest.Builder sendRequest(String url) {
        return api.postRequest(url, ApiClient.body(Requests.sendOtp("demo", PHONE)), sim.token());
    }

    @Test
    void failNextAnswersTheHttpStatusThenTheApiAnswersNormally() {
        sim.failNext(2, 503);
        assertEquals(2, sim.pendingFaults());
        assertEquals(503, rawSend(sim.apiUrl()).statusCode());
        assertEquals(503, rawSend(sim.apiUrl()).statusCode());
        assertEquals(0, sim.pendingFaults());
        assertTrue(sim.messages().isEmpty(), "failed requests are not processed");

        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        assertEquals(1, sim.messages().size());
    }

    @Test
    void refuseNextAnswersTheApiStatusThenTheApiAnswersNormally() {
        sim.refuseNext(1, 4);

        HttpResponse<String> refused = rawSend(sim.apiUrl());
        assertEquals(200, refused.statusCode());
        assertStatus(4, ApiClient.parse(refused.body()));
        assertEquals(0, sim.pendingFaults());
        assertTrue(sim.messages().isEmpty(), "a refused request is not processed");
        assertEquals(1, sim.requests().size(), "a refused request is recorded");

        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        assertEquals(1, sim.messages().size());
    }

    @Test
    void refuseNextTakesOnlyAFailureStatus() {
        assertThrows(IllegalArgumentException.class, () -> sim.refuseNext(1, 0));
    }

    @Test
    void delayNextAnswersNormallyAfterTheDelay() {
        Duration delay = Duration.ofMillis(300);
        sim.delayNext(1, delay);
        long start = System.nanoTime();
        HttpResponse<String> response = rawSend(sim.apiUrl());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(delay) >= 0, "answered after " + elapsed);
        assertEquals(200, response.statusCode());
        assertStatus(0, ApiClient.parse(response.body()));
        assertEquals(1, sim.messages().size());
        assertEquals(0, sim.pendingFaults());
    }

    @Test
    void delayedRequestIsProcessedEvenWhenTheClientGivesUp() {
        sim.delayNext(1, Duration.ofSeconds(5));
        HttpRequest request = sendRequest(sim.apiUrl()).timeout(Duration.ofSeconds(2)).build();
        assertThrows(HttpTimeoutException.class, () -> ApiClient.trySend(request));
        assertEquals(1, sim.messages().size(), "the SMS went out although the answer never arrived");
    }

    @Test
    void answerMalformedNextSendsTruncatedJsonWithHttp200() {
        sim.answerMalformedNext(1);
        HttpResponse<String> response = rawSend(sim.apiUrl());
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":", response.body());
        assertThrows(UncheckedIOException.class, () -> ApiClient.parse(response.body()));
        assertTrue(sim.messages().isEmpty());

        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
    }

    @Test
    void dropConnectionNextClosesWithoutAnswer() {
        sim.dropConnectionNext(1);
        assertThrows(IOException.class, () -> ApiClient.trySend(sendRequest(sim.apiUrl()).build()));
        assertTrue(sim.messages().isEmpty());
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
    }

    @Test
    void droppedConnectionReadsAsEndOfStreamWithoutAnyByte() throws IOException {
        sim.dropConnectionNext(1);
        byte[] body = ApiClient.body(Requests.balance("demo")).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api HTTP/1.1\r\nHost: 127.0.0.1:" + sim.port() + "\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                    + sim.token() + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            assertEquals(-1, firstByteOrEndOfStream(socket.getInputStream()));
        }
    }

    private static int firstByteOrEndOfStream(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException connectionReset) {
            return -1;
        }
    }

    @Test
    void faultsAreUsedInTheOrderTheyWereAdded() {
        sim.failNext(1, 500);
        sim.answerMalformedNext(1);
        sim.failNext(1, 429);
        assertEquals(500, rawSend(sim.apiUrl()).statusCode());
        assertEquals("{\"status\":", rawSend(sim.apiUrl()).body());
        assertEquals(429, rawSend(sim.apiUrl()).statusCode());
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
    }

    @Test
    void faultsApplyToTheDryRunEndpoint() {
        sim.failNext(1, 502);
        assertEquals(502, rawSend(sim.testApiUrl()).statusCode());
        assertStatus(0, api.postTest(Requests.sendOtp("demo", PHONE)));
    }

    @Test
    void faultsNeverApplyToTheInbox() {
        sim.failNext(1, 500);
        assertEquals(200, api.get(sim.inboxUrl()).statusCode());
        assertEquals(200, api.get(sim.inboxUrl() + "messages").statusCode());
        assertEquals(1, sim.pendingFaults());
        assertEquals(500, rawSend(sim.apiUrl()).statusCode());
    }

    @Test
    void faultedRequestsAreRecorded() {
        sim.failNext(1, 500);
        sim.dropConnectionNext(1);
        rawSend(sim.apiUrl());
        assertThrows(IOException.class, () -> ApiClient.trySend(sendRequest(sim.apiUrl()).build()));
        assertEquals(2, sim.requests().size());
        assertTrue(sim.requests().get(0).body().contains("send_otp"));
    }

    @Test
    void resetDropsPendingFaults() {
        sim.failNext(3, 500);
        sim.reset();
        assertEquals(0, sim.pendingFaults());
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        assertStatus(0, api.post(request));
    }

    @Test
    void faultArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> sim.failNext(0, 500));
        assertThrows(IllegalArgumentException.class, () -> sim.failNext(1, 200));
        assertThrows(IllegalArgumentException.class, () -> sim.failNext(1, 600));
        assertThrows(IllegalArgumentException.class, () -> sim.delayNext(1, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> sim.dropConnectionNext(-1));
        assertEquals(0, sim.pendingFaults());
    }
}
