package io.github.cameltextme.examples.springboot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request bodies the endpoints do not take: too large, empty, not JSON, JSON that is not an object. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class RequestBodyTest {

    private static final String[] PATHS = { "/otp/send", "/otp/verify" };

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalServerPort
    private int port;

    private OtpApi api;

    @BeforeEach
    void client() {
        api = new OtpApi(port);
    }

    /** {"phone": "<phone>"} and spaces, {@code size} bytes in all. */
    private static byte[] sendRequestOf(int size, String phone) {
        byte[] json = ("{\"phone\": \"" + phone + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(json, size);
        Arrays.fill(body, json.length, size, (byte) ' ');
        return body;
    }

    @ParameterizedTest
    @ValueSource(strings = { "/otp;x=1/send", "/%6Ftp/send", "/otp/send;x=1" })
    void aPathWrittenAnotherWayIsRefusedWhateverItsBody(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sendRequestOf(RequestBodyLimit.MAX_BODY_BYTES + 1, "0521234572")))
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(sim.requests().isEmpty(), "nothing may reach TextMe");
    }

    @Test
    void aChunkedBodyJustOverTheBoundIs413AndSendsNothing() throws Exception {
        byte[] body = sendRequestOf(RequestBodyLimit.MAX_BODY_BYTES + 1, "0521234571");
        // a stream of unknown length: the client sends it chunked, with no Content-Length to refuse it by
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/otp/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(body, 0, 10), new ByteArrayInputStream(body, 10, body.length - 10))))
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("{\"error\":\"the request body is larger than 4096 bytes\"}", answer.body());
        assertTrue(sim.requests().isEmpty(), "nothing may reach TextMe");
    }

    @Test
    void aDeclaredHugeBodyIs413BeforeAnyOfItIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /otp/send HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                       + "Content-Length: 300000000\r\n\r\n{\"phone\": \"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);

            assertEquals("HTTP/1.1 413", answer);
        }
        assertTrue(sim.requests().isEmpty(), "nothing may reach TextMe");
    }

    @Test
    void aBodyOfExactlyTheBoundIsTaken() throws Exception {
        String body = new String(sendRequestOf(RequestBodyLimit.MAX_BODY_BYTES, "0521234572"), StandardCharsets.US_ASCII);

        OtpApi.Answer answer = api.post("/otp/send", body);

        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals(1, sim.messages().size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "null", "\"0521234567\"", "521234567", "true", "[]", "[{\"phone\": \"0521234567\"}]" })
    void aBodyThatIsEmptyOrNotAJsonObjectIs400SaidPlainly(String body) throws Exception {
        assertBothEndpointsRefuse(body, "the request body must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = { "phone=0521234567", "{\"phone\": ", "{\"phone\": \"0521234567\"} x", "{'phone': 1}" })
    void aBodyThatIsNotJsonIs400SaidPlainly(String body) throws Exception {
        assertBothEndpointsRefuse(body, "the request body is not valid JSON");
    }

    private void assertBothEndpointsRefuse(String body, String reason) throws Exception {
        for (String path : PATHS) {
            OtpApi.Answer answer = api.post(path, body);

            answer.assertOnlyError(400);
            assertEquals(reason, answer.body().path("error").asText(), path + " " + body);
        }
        assertTrue(sim.requests().isEmpty(), "nothing may reach TextMe");
    }
}
