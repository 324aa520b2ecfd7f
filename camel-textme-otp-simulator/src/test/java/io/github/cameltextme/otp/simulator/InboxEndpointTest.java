package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TextMeSimulatorExtension.class)
class InboxEndpointTest {

    private static final String PHONE = "0521234567";
    private static final String OTHER_PHONE = "0547654321";
    private static final Pattern EXTERNAL_REFERENCE = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}|@import|<script[^>]+src=|<link[^>]+stylesheet");

    static TextMeSimulator sim;
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(sim);
    }

    private JsonNode inboxJson() {
        HttpResponse<String> response = api.get(sim.inboxUrl() + "messages");
        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        return ApiClient.parse(response.body());
    }

    @Test
    void messagesAreListedNewestFirstWithAllFields() {
        assertStatus(0, api.post(Requests.sendOtp("demo", "521234567")));
        ObjectNode second = Requests.sendOtp("demo", OTHER_PHONE);
        Requests.fields(second).put("app_id", 4).put("text", "code: [code]");
        assertStatus(0, api.post(second));

        JsonNode messages = inboxJson();
        assertEquals(2, messages.size());
        JsonNode newest = messages.get(0);
        SmsMessage expected = sim.messages().get(0);
        assertEquals(expected.id(), newest.get("id").longValue());
        assertEquals(OTHER_PHONE, newest.get("phone").textValue());
        assertEquals(Requests.SOURCE, newest.get("source").textValue());
        assertEquals(4, newest.get("appId").intValue());
        assertEquals("code: " + expected.code(), newest.get("text").textValue());
        assertEquals(expected.code(), newest.get("code").textValue());
        assertEquals(expected.sentAt(), Instant.parse(newest.get("sentAt").textValue()));
        assertEquals(PHONE, messages.get(1).get("phone").textValue());
        assertTrue(newest.get("id").longValue() > messages.get(1).get("id").longValue());
    }

    @Test
    void eachMessageSaysWhetherItsCodeWasUsedOrExpired() {
        ObjectNode shortLived = Requests.sendOtp("demo", OTHER_PHONE);
        Requests.fields(shortLived).put("valid_time", 1);
        assertStatus(0, api.post(shortLived));
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        assertEquals(List.of("unused", "unused"), states(inboxJson()));
        SmsMessage shortLivedSms = sim.messages().get(1);
        assertEquals(shortLivedSms.sentAt().plus(Duration.ofMinutes(1)),
                     Instant.parse(inboxJson().get(1).get("expiresAt").textValue()));

        assertStatus(0, api.post(Requests.validateOtp("demo", PHONE, sim.lastCode(PHONE))));
        assertEquals(List.of("used", "unused"), states(inboxJson()));

        sim.clock().advance(Duration.ofMinutes(1));
        assertEquals(List.of("used", "expired"), states(inboxJson()), "a used code stays used once past its time");
    }

    @Test
    void aWrongCodeLeavesTheMessageUnused() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        String wrong = sim.lastCode(PHONE).equals("000000") ? "000001" : "000000";

        assertStatus(12, api.post(Requests.validateOtp("demo", PHONE, wrong)));

        assertEquals(List.of("unused"), states(inboxJson()));
    }

    @Test
    void aCodeReplacedByANewerOneOrOutOfTriesIsMarkedSoAndStaysSo() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        String first = sim.lastCode(PHONE);
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        assertEquals(List.of("unused", "replaced"), states(inboxJson()));
        assertStatus(12, api.post(Requests.validateOtp("demo", PHONE, first))); // a replaced code is not accepted

        ObjectNode threeTries = Requests.sendOtp("demo", OTHER_PHONE);
        Requests.fields(threeTries).put("max_tries", 3);
        assertStatus(0, api.post(threeTries));
        String wrong = sim.lastCode(OTHER_PHONE).equals("000000") ? "000001" : "000000";
        for (int tries = 2; tries > 0; tries--) {
            assertStatus(12, api.post(Requests.validateOtp("demo", OTHER_PHONE, wrong)));
        }
        assertEquals("unused", states(inboxJson()).get(0), "one try left");
        assertStatus(12, api.post(Requests.validateOtp("demo", OTHER_PHONE, wrong)));
        assertEquals(List.of("out-of-tries", "unused", "replaced"), states(inboxJson()));

        assertStatus(0, api.post(Requests.sendOtp("demo", OTHER_PHONE)));
        sim.clock().advance(Duration.ofDays(1));
        assertEquals(List.of("expired", "out-of-tries", "expired", "replaced"), states(inboxJson()),
                     "how a code ended stays; a newer code to a phone whose code was out of tries replaces nothing");
    }

    private static List<String> states(JsonNode messages) {
        List<String> states = new ArrayList<>();
        messages.forEach(message -> states.add(message.get("state").textValue()));
        return states;
    }

    @Test
    void hebrewTextRoundTripsAsUtf8() {
        String template = "הקוד שלך הוא [code] – תודה 🙂";
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        Requests.fields(request).put("text", template);
        assertStatus(0, api.post(request));

        String expected = template.replace("[code]", sim.lastCode(PHONE));
        assertEquals(expected, sim.messages().get(0).text());
        assertEquals(expected, inboxJson().get(0).get("text").textValue());
        assertTrue(sim.requests().get(0).body().contains("הקוד שלך הוא"));
    }

    @Test
    void deleteEmptiesTheInboxButKeepsCodesValid() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        String code = sim.lastCode(PHONE);
        HttpResponse<String> response = ApiClient.send(HttpRequest.newBuilder(URI.create(sim.inboxUrl() + "messages")).DELETE().build());
        assertEquals(204, response.statusCode());
        assertEquals(0, inboxJson().size());
        assertTrue(sim.messages().isEmpty());
        assertStatus(0, api.post(Requests.validateOtp("demo", PHONE, code)));
    }

    @Test
    void inboxPageIsOneSelfContainedHtmlPage() {
        HttpResponse<String> response = api.get(sim.inboxUrl());
        assertEquals(200, response.statusCode());
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
        String page = response.body();
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("data-testid"), "page offers test ids");
        assertFalse(EXTERNAL_REFERENCE.matcher(page).find(), "page must not load anything from elsewhere");
        assertFalse(page.contains("innerHTML"), "page must build messages with textContent");
    }

    @Test
    void wrongMethodsOnTheInboxAre405() {
        HttpResponse<String> postMessages = ApiClient.send(HttpRequest.newBuilder(URI.create(sim.inboxUrl() + "messages"))
                .POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8)).build());
        assertEquals(405, postMessages.statusCode());
        assertEquals("GET, HEAD, DELETE", postMessages.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> deletePage = ApiClient.send(HttpRequest.newBuilder(URI.create(sim.inboxUrl())).DELETE().build());
        assertEquals(405, deletePage.statusCode());
    }

    @Test
    void messagesListIsAnImmutableSnapshot() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        List<SmsMessage> snapshot = sim.messages();
        assertThrows(UnsupportedOperationException.class, () -> snapshot.remove(0));
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        assertEquals(1, snapshot.size());
        assertEquals(2, sim.messages().size());
    }
}
