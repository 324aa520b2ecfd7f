package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inbox and the request log keep the newest {@code history} entries, and recorded bodies and headers are capped. */
class BoundedHistoryTest {

    private static final int HISTORY = 3;

    private TextMeSimulator sim;
    private ApiClient api;

    @BeforeEach
    void start() {
        sim = TextMeSimulator.builder().history(HISTORY).start();
        api = new ApiClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void sendToFivePhones() {
        for (int i = 0; i < 5; i++) {
            assertStatus(0, api.post(Requests.sendOtp("demo", "052123456" + i)));
        }
    }

    @Test
    void theInboxKeepsTheNewestMessages() {
        sendToFivePhones();

        List<SmsMessage> messages = sim.messages();
        assertEquals(List.of("0521234564", "0521234563", "0521234562"), messages.stream().map(SmsMessage::phone).toList());
        assertEquals(List.of(5L, 4L, 3L), messages.stream().map(SmsMessage::id).toList());
        assertEquals(HISTORY, ApiClient.parse(api.get(sim.inboxUrl() + "messages").body()).size());
    }

    @Test
    void theRequestLogKeepsTheNewestRequests() {
        sendToFivePhones();

        List<RecordedRequest> requests = sim.requests();
        assertEquals(HISTORY, requests.size());
        for (int i = 0; i < HISTORY; i++) {
            assertTrue(requests.get(i).body().contains("052123456" + (i + 2)), requests.get(i).body());
        }
    }

    @Test
    void aRecordedBodyKeepsItsFirst4KiB() {
        String body = "{\"balance\":{\"user\":{\"username\":\"demo\"},\"padding\":\"" + "x".repeat(100_000) + "\"}}";
        api.post(sim.apiUrl(), body, sim.token());

        assertEquals(body.substring(0, ApiHandler.MAX_RECORDED_BODY_BYTES), sim.requests().get(0).body());
    }

    @Test
    void aRecordedRequestKeepsItsHeadersUpTo8KiBAndLeavesOutAValuePastThem() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.apiUrl()))
                .header("Authorization", "Bearer " + sim.token())
                .header("X-Padding", "x".repeat(60_000))
                .POST(HttpRequest.BodyPublishers.ofString(Requests.balance("demo").toString()))
                .build();
        assertEquals(200, ApiClient.send(request).statusCode());

        RecordedRequest recorded = sim.requests().get(0);
        assertEquals("Bearer " + sim.token(), recorded.header("Authorization").orElseThrow());
        assertTrue(recorded.header("X-Padding").isEmpty(), "the value that would pass 8 KiB is left out");
        int chars = recorded.headers().entrySet().stream()
                .mapToInt(header -> header.getValue().stream().mapToInt(value -> header.getKey().length() + value.length()).sum())
                .sum();
        assertTrue(chars <= ApiHandler.MAX_RECORDED_HEADER_CHARS, chars + " characters of headers recorded");
    }

    @Test
    void deleteRequestsClearsTheLogAndOtherMethodsAre405() {
        api.post(Requests.balance("demo"));
        URI requests = URI.create(sim.inboxUrl() + "requests");

        assertEquals(405, api.get(requests.toString()).statusCode());
        assertEquals(1, sim.requests().size());
        HttpResponse<String> deleted = ApiClient.send(HttpRequest.newBuilder(requests).DELETE().build());

        assertEquals(204, deleted.statusCode());
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    void messagesTakeALimitAndTellTheTotal() {
        sendToFivePhones();

        HttpResponse<String> response = api.get(sim.inboxUrl() + "messages?limit=2");

        assertEquals(200, response.statusCode());
        assertEquals("3", response.headers().firstValue("X-Total-Count").orElseThrow());
        JsonNode newest = ApiClient.parse(response.body());
        assertEquals(2, newest.size());
        assertEquals("0521234564", newest.get(0).get("phone").textValue());
        assertEquals("0521234563", newest.get(1).get("phone").textValue());
        assertEquals("3", api.get(sim.inboxUrl() + "messages").headers().firstValue("X-Total-Count").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=x", "limit=", "limit=-1", "limit=1&limit=2", "since=1", "limit=9999999999"})
    void aBadQueryIs400(String query) {
        assertEquals(400, api.get(sim.inboxUrl() + "messages?" + query).statusCode(), query);
    }

    @Test
    void theInboxPagePollsTheNewestHundredAndCountsFromTheTotal() {
        String page = api.get(sim.inboxUrl()).body();

        assertTrue(page.contains("var SHOWN_MESSAGES = 100;"), "the page asks for the newest only");
        assertTrue(page.contains("fetch('/messages?limit=' + SHOWN_MESSAGES"), "the page asks for the newest only");
        assertTrue(page.contains("response.headers.get('X-Total-Count')"), "the page counts the whole inbox");
    }

    @Test
    void historyMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> TextMeSimulator.builder().history(0));
    }
}
