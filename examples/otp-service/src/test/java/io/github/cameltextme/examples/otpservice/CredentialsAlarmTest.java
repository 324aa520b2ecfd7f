package io.github.cameltextme.examples.otpservice;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cameltextme.otp.TextMeOtpApiException;
import io.github.cameltextme.otp.TextMeOtpAuthenticationException;
import io.github.cameltextme.otp.TextMeOtpOperation;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import static io.github.cameltextme.examples.otpservice.ServiceCalls.post;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.sendBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refused credentials are logged at ERROR, once a minute at most, saying what to do and never the token; other
 * refusals and the callers' mistakes are not logged at ERROR.
 */
class CredentialsAlarmTest {

    private static final String WRONG_TOKEN = "wrong-token-" + UUID.randomUUID();

    @Test
    void aWrongTokenIsOneErrorLineForManyRefusedRequestsAndCallerMistakesNone() throws Exception {
        try (TextMeSimulator simulator = TextMeSimulator.start();
             ServiceProcess service = ServiceProcess.start(Map.of("TEXTME_USERNAME", simulator.username(),
                                                                  "TEXTME_API_TOKEN", WRONG_TOKEN,
                                                                  "TEXTME_SOURCE", TextMeTarget.SIMULATOR_SOURCE,
                                                                  "TEXTME_BASE_URL", simulator.apiUrl()))) {
            for (String phone : List.of("054-321-6001", "054-321-6002", "054-321-6003")) {
                HttpResponse<String> refused = post(service.url(), "/otp/send", sendBody(phone));
                assertEquals(502, refused.statusCode(), refused.body());
            }
            assertEquals(400, post(service.url(), "/otp/send", sendBody("12")).statusCode());
            assertEquals(400, post(service.url(), "/otp/send", "{not json").statusCode());

            String output = service.output();
            List<String> errors = output.lines().filter(line -> line.contains("ERROR")).toList();
            assertEquals(1, errors.size(), output);
            assertTrue(errors.get(0).matches(".*ERROR CredentialsAlarm - TextMe refused the credentials"
                                             + " \\(status \\d+\\): .* TEXTME_USERNAME and TEXTME_API_TOKEN .*"), output);
            assertFalse(output.contains(WRONG_TOKEN), output);
            assertTrue(simulator.messages().isEmpty());
        }
    }

    @Test
    void theAlarmIsRaisedAgainOnceTheMinuteIsOverAndNeverForOtherRefusals() {
        MovableClock clock = new MovableClock();
        CredentialsAlarm alarm = new CredentialsAlarm(clock);
        TextMeOtpAuthenticationException expired = new TextMeOtpAuthenticationException(TextMeOtpOperation.send, 10, "x");
        try (ErrorLines lines = new ErrorLines()) {
            alarm.refused(expired);
            clock.advance(CredentialsAlarm.PERIOD.minusSeconds(1));
            alarm.refused(expired);
            alarm.refused(new TextMeOtpApiException(TextMeOtpOperation.send, 4, "not enough credit"));
            assertEquals(1, lines.count());

            clock.advance(Duration.ofSeconds(1));
            alarm.refused(expired);
            assertEquals(2, lines.count());
        }
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2030-01-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Counts the ERROR events of {@link CredentialsAlarm}'s logger while open. */
    private static final class ErrorLines implements AutoCloseable {

        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        private final LoggerConfig root = context.getConfiguration().getRootLogger();
        private final AbstractAppender appender = new AbstractAppender("alarm-" + UUID.randomUUID(), null, null, true,
                                                                       Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel() == Level.ERROR && event.getLoggerName().equals(CredentialsAlarm.class.getName())) {
                    lines.add(event.getMessage().getFormattedMessage());
                }
            }
        };

        ErrorLines() {
            appender.start();
            root.addAppender(appender, Level.ERROR, null);
            context.updateLoggers();
        }

        int count() {
            return lines.size();
        }

        @Override
        public void close() {
            root.removeAppender(appender.getName());
            context.updateLoggers();
            appender.stop();
        }
    }
}
