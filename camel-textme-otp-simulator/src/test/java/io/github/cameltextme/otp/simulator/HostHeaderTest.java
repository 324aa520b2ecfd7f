package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only requests whose Host names the simulator are answered: a DNS-rebinding page's are 421. */
@ExtendWith(TextMeSimulatorExtension.class)
class HostHeaderTest {

    private static final String PHONE = "0521234567";

    static TextMeSimulator sim;

    /** The whole answer to a request written by hand, with the given header lines (Host among them, or not). */
    private static String exchange(String requestLine, String headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write((requestLine + "\r\n" + headers + "Connection: close\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String getMessages(String hostHeaderLines) throws IOException {
        return exchange("GET /messages HTTP/1.1", hostHeaderLines, "");
    }

    @Test
    void aForgedHostCannotReadTheInboxNorUseTheApi() throws IOException {
        new ApiClient(sim).post(Requests.sendOtp("demo", PHONE));
        String code = sim.lastCode(PHONE);
        sim.clearRequests();
        String forged = "Host: rebind.attacker.example:" + sim.port() + "\r\n";

        String inbox = getMessages(forged);
        String api = exchange("POST /api HTTP/1.1", forged + "Authorization: Bearer " + sim.token() + "\r\n",
                ApiClient.body(Requests.sendOtp("demo", "0547654321")));

        assertTrue(inbox.startsWith("HTTP/1.1 421 "), inbox);
        assertFalse(inbox.contains(code), "no code in the answer");
        assertTrue(api.startsWith("HTTP/1.1 421 "), api);
        assertTrue(sim.requests().isEmpty(), "the refused request was not processed nor recorded");
        assertEquals(1, sim.messages().size(), "no SMS was sent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "127.0.0.1", "[::1]"})
    void theLoopbackNamesWithThePortOrWithoutOneAreAnswered(String name) throws IOException {
        String withPort = getMessages("Host: " + name + ":" + sim.port() + "\r\n");
        String withoutPort = getMessages("Host: " + name + "\r\n");

        assertTrue(withPort.startsWith("HTTP/1.1 200 "), withPort);
        assertTrue(withoutPort.startsWith("HTTP/1.1 200 "), withoutPort);
    }

    @Test
    void theApiAnswersTheAddressItGivesOut() {
        assertStatus(0, new ApiClient(sim).post(Requests.sendOtp("demo", PHONE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:1", "localhost:80", "localhost:", "10.0.0.1:PORT", "127.0.0.1.nip.io:PORT",
        "localhost.:PORT", "[::2]:PORT", "127.0.0.1:PORT@evil.example", ""})
    void otherHostsAre421(String host) throws IOException {
        String answer = getMessages("Host: " + host.replace("PORT", String.valueOf(sim.port())) + "\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 421 "), host + ": " + answer);
    }

    @Test
    void noHostOrTwoHostsAre421() throws IOException {
        String twice = "Host: 127.0.0.1:" + sim.port() + "\r\n";

        assertTrue(getMessages("").startsWith("HTTP/1.1 421 "));
        assertTrue(getMessages(twice + twice).startsWith("HTTP/1.1 421 "));
    }

    @Test
    void boundToAWildcardAnyIpLiteralIsAnsweredButNoOtherName() throws IOException {
        HostCheck check = new HostCheck("0.0.0.0", InetAddress.getByName("0.0.0.0"), 8765);

        assertTrue(check.allows(List.of("192.168.1.20:8765")));
        assertTrue(check.allows(List.of("[fe80::1]:8765")));
        assertTrue(check.allows(List.of("localhost:8765")));
        assertFalse(check.allows(List.of("rebind.attacker.example:8765")));
        assertFalse(check.allows(List.of("192.168.1.20:8766")));
    }

    @Test
    void theConfiguredHostNameIsAnswered() throws IOException {
        HostCheck check = new HostCheck("sim.test", InetAddress.getByName("127.0.0.1"), 80);

        assertTrue(check.allows(List.of("sim.test")));
        assertTrue(check.allows(List.of("SIM.test:80")));
        assertFalse(check.allows(List.of("sim.test:8080")));
        assertFalse(check.allows(List.of("10.0.0.1")));
    }
}
