package io.github.cameltextme.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure the routes do not expect, here a fault put in place of the send to TextMe whose message holds the phone, a
 * code and the token, is answered 500 {@code {"error":"internal error"}} and logged once at ERROR naming the
 * exception's class, none of its message and no stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith({ TextMeSimulatorExtension.class, OutputCaptureExtension.class })
@DirtiesContext
class UnexpectedFailureTest {

    private static final String PHONE = "0543217001";
    private static final String CODE = "123456";

    static TextMeSimulator sim;

    @DynamicPropertySource
    static void textMeAtTheSimulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, () -> sim);
    }

    @LocalServerPort
    private int port;

    @Test
    void anUnexpectedFailureIs500AndOneErrorLineNamingItsClassOnly(CapturedOutput output) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/otp/send"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"phone\": \"" + PHONE + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(500, answer.statusCode(), answer.body());
        assertEquals("{\"error\":\"internal error\"}", answer.body());
        List<String> errors = output.getAll().lines().filter(line -> line.contains(" ERROR ")).toList();
        assertEquals(1, errors.size(), output::getAll);
        assertTrue(errors.get(0).endsWith("Unexpected failure: java.lang.IllegalStateException"), errors::toString);
        for (String secret : List.of(PHONE, CODE, sim.token(), "at io.github")) {
            assertFalse(output.getAll().contains(secret), secret + " in the log");
        }
    }

    /** Puts a failure in place of every send to TextMe, its message holding what no log line may show. */
    @TestConfiguration
    static class FailingSends {

        @Bean
        CamelContextConfiguration failEverySend() {
            return new CamelContextConfiguration() {
                @Override
                public void beforeApplicationStart(CamelContext camelContext) {
                    camelContext.getCamelContextExtension().addInterceptStrategy(
                            (context, definition, target, next) ->
                                    definition instanceof ToDefinition to && to.getUri().startsWith("textme-otp:send")
                                            ? AsyncProcessorConverterHelper.convert(exchange -> {
                                                throw new IllegalStateException(PHONE + " " + CODE + " " + sim.token());
                                            })
                                            : target);
                }

                @Override
                public void afterApplicationStart(CamelContext camelContext) {
                }
            };
        }
    }
}
