package io.github.cameltextme.examples.quarkus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.cameltextme.otp.TextMeOtpApiException;
import io.github.cameltextme.otp.TextMeOtpAuthenticationException;
import io.github.cameltextme.otp.TextMeOtpOperation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alarm is raised again once its minute is over, and never for refusals other than the credentials'. */
class CredentialsAlarmTest {

    @Test
    void theAlarmIsRaisedAgainOnceTheMinuteIsOverAndNeverForOtherRefusals() {
        MovableClock clock = new MovableClock();
        CredentialsAlarm alarm = new CredentialsAlarm(clock);
        TextMeOtpAuthenticationException expired = new TextMeOtpAuthenticationException(TextMeOtpOperation.send, 10, "x");
        try (AlarmRecords alarms = new AlarmRecords()) {
            alarm.refused(expired);
            clock.advance(CredentialsAlarm.PERIOD.minusSeconds(1));
            alarm.refused(expired);
            alarm.refused(new TextMeOtpApiException(TextMeOtpOperation.send, 4, "not enough credit"));
            assertEquals(1, alarms.messages().size(), alarms.messages()::toString);
            assertTrue(alarms.messages().get(0).startsWith("TextMe refused the credentials (status 10): "),
                       alarms.messages().get(0));

            clock.advance(Duration.ofSeconds(1));
            alarm.refused(expired);
            assertEquals(2, alarms.messages().size(), alarms.messages()::toString);
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
}
