package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestRecordingTest extends SimulatorApiTest {

    @Test
    void apiRequestsAreRecordedWithMethodPathHeadersBodyAndTime() {
        Instant before = sim.clock().instant();
        String body = ApiClient.body(Requests.sendOtp("demo", PHONE));
        assertStatus(0, api.post(sim.apiUrl(), body, sim.token()));
        Instant after = sim.clock().instant();

        assertEquals(1, sim.requests().size());
        RecordedRequest request = sim.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals("/api", request.path());
        assertFalse(request.dryRun());
        assertEquals(Optional.of("Bearer " + sim.token()), request.header("authorization"));
        assertEquals(Optional.of("application/json"), request.header("Content-Type"));
        assertEquals(body, request.body());
        assertFalse(request.receivedAt().isBefore(before));
        assertFalse(request.receivedAt().isAfter(after));
    }

    @Test
    void everyKindOfApiRequestIsRecordedInOrder() {
        api.postTest(Requests.balance("demo"));
        api.get(sim.apiUrl());
        api.post(sim.apiUrl(), "<xml/>", null);
        api.get(sim.inboxUrl() + "messages");

        List<RecordedRequest> requests = sim.requests();
        assertEquals(3, requests.size(), "inbox requests are not recorded");
        assertTrue(requests.get(0).dryRun());
        assertEquals("GET", requests.get(1).method());
        assertEquals("<xml/>", requests.get(2).body());
        assertEquals(Optional.empty(), requests.get(2).header("Authorization"));
    }

    @Test
    void clearRequestsForgetsThem() {
        api.post(Requests.balance("demo"));
        sim.clearRequests();
        assertTrue(sim.requests().isEmpty());
        api.post(Requests.balance("demo"));
        assertEquals(1, sim.requests().size());
    }

    @Test
    void toStringShowsNeitherTokenNorBody() {
        api.post(Requests.validateOtp("demo", PHONE, "654321"));
        String text = sim.requests().get(0).toString();
        assertTrue(text.contains("POST /api"), text);
        assertFalse(text.contains(sim.token()), text);
        assertFalse(text.contains("654321"), text);
    }

    @Test
    void recordedRequestsAreImmutable() {
        api.post(Requests.balance("demo"));
        RecordedRequest request = sim.requests().get(0);
        assertThrows(UnsupportedOperationException.class, () -> sim.requests().clear());
        assertThrows(UnsupportedOperationException.class, () -> request.headers().put("x", List.of()));
        Map<String, List<String>> headers = request.headers();
        assertThrows(UnsupportedOperationException.class, () -> headers.get("authorization").add("x"));
    }
}
