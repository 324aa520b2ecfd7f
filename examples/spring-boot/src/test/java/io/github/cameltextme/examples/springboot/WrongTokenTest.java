package io.github.cameltextme.examples.springboot;

import java.util.List;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TextMe refusing the credentials is the server's problem, not the caller's: 502, and an error in the log, once a
 * minute however many requests TextMe refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith({ TextMeSimulatorExtension.class, OutputCaptureExtension.class })
@DirtiesContext
class WrongTokenTest {

    private static final String WRONG_TOKEN = "not-the-demo-token";

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulatorWithAWrongToken(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim, () -> WRONG_TOKEN);
    }

    @LocalServerPort
    private int port;

    @Test
    void aRefusedTokenIs502AndOneErrorLineForManyRequests(CapturedOutput output) throws Exception {
        new OtpApi(port).send("0521234567").assertOnlyError(502);
        new OtpApi(port).send("0521234568").assertOnlyError(502);

        assertEquals(2, OtpCalls.of(sim).size(), "the requests reached TextMe");
        assertTrue(sim.messages().isEmpty(), "no SMS went out");
        List<String> alarms = output.getAll().lines().filter(line -> line.contains("TextMe refused the credentials")).toList();
        assertEquals(1, alarms.size(), "logged once a minute: " + output.getAll());
        assertTrue(alarms.get(0).contains("ERROR") && alarms.get(0).contains("TEXTME_API_TOKEN"), alarms.get(0));
        assertFalse(output.getAll().contains(WRONG_TOKEN), "the token is logged");
    }
}
