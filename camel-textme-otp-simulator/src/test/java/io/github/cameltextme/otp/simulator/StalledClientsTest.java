package io.github.cameltextme.otp.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients that send half a request and stop cannot hold the server's workers beyond the request timeout. */
class StalledClientsTest {

    private static final int STALLED = 12;

    @Test
    void moreStalledClientsThanWorkersDoNotStarveANormalRequest() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try (TextMeSimulator sim = TextMeSimulator.builder().requestTimeout(Duration.ofSeconds(1)).start()) {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket("127.0.0.1", sim.port());
                stalled.add(socket);
                socket.getOutputStream().write("GET /mess".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            HttpRequest normal = HttpRequest.newBuilder(URI.create(sim.inboxUrl() + "messages"))
                    .timeout(Duration.ofSeconds(8)).build();

            long start = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(normal, HttpResponse.BodyHandlers.ofString());
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(200, response.statusCode());
            assertEquals("[]", response.body());
            assertTrue(waited.compareTo(Duration.ofSeconds(6)) < 0, "answered after " + waited);
            for (Socket socket : stalled) {
                socket.setSoTimeout(5_000);
                assertEquals(-1, firstByteOrEndOfStream(socket.getInputStream()), "a stalled connection is closed");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    private static int firstByteOrEndOfStream(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException connectionReset) {
            return -1;
        }
    }
}
