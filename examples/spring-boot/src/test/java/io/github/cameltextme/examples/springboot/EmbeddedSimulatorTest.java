package io.github.cameltextme.examples.springboot;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no TextMe setting (as when no TEXTME_* variable is set) the application starts its own simulator and sends the
 * SMS there. The empty settings and Redis URL are set here so that TEXTME_* variables in the build's environment cannot
 * change that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = { "camel.component.textme-otp.username=", "camel.component.textme-otp.api-token=",
                               "camel.component.textme-otp.source=", "camel.component.textme-otp.base-url=",
                               "textme.limits.redis-url=" })
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedSimulatorTest {

    @Autowired
    private TextMeSimulator simulator;

    @LocalServerPort
    private int port;

    @Test
    void theEmbeddedSimulatorReceivesTheSms(CapturedOutput output) throws Exception {
        assertTrue(output.getAll().contains("read the codes at " + simulator.inboxUrl()), "the inbox URL is logged at start-up");
        OtpApi api = new OtpApi(port);

        OtpApi.Answer sent = api.send("052-765-4321");
        assertEquals(200, sent.status(), sent.body().toString());

        assertEquals(EmbeddedSimulatorConfiguration.SIMULATOR_SOURCE, simulator.messages().get(0).source());
        OtpApi.Answer verified = api.verify("0527654321", simulator.lastCode("0527654321"));
        assertEquals("{\"valid\":true}", verified.body().toString());
    }
}
