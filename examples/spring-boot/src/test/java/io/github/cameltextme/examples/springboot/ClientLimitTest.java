package io.github.cameltextme.examples.springboot;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The client limit counts the caller's address: with one send per client, a second send from the same address is
 * refused whatever headers it carries, while another address gets through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TextMeSimulatorExtension.class)
@DirtiesContext
class ClientLimitTest {

    static TextMeSimulator sim;

    /** The simulator, and one send per client and hour, as the application sets it in its properties. */
    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
        registry.add("camel.component.textme-otp.client-send-limit", () -> 1);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @Test
    void theClientLimitCountsTheCallersAddressWhateverHeadersTheCallerSends() throws Exception {
        OtpApi api = new OtpApi(port);
        assertEquals(200, api.send("052-123-4601").status());

        OtpApi.Answer second = api.post("/otp/send", "{\"phone\": \"052-123-4602\"}",
                                        "CamelTextMeOtpClientKey", "someone-else",
                                        "X-Forwarded-For", "203.0.113.9");

        second.assertTooManyRequests(3600);
        assertEquals(1, OtpApi.refusedBy(meters, "client_sends"), "refused by CLIENT_SENDS");
        assertFalse(second.body().toString().contains("127.0.0.1"), second.body().toString());
        assertEquals(1, sim.messages().size(), "the refused send reached no SMS");

        assertEquals("HTTP/1.1 200 ", api.sendFrom("127.0.0.2", "052-123-4603").substring(0, 13),
                     "another address has a count of its own");
        assertEquals(2, sim.messages().size());
    }
}
