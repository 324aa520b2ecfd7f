package io.github.cameltextme.examples.quarkus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cameltextme.otp.TextMeOtpAuthenticationException;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Logs at ERROR, at most once a minute, that TextMe refuses the account's credentials (statuses 3, 10 and 11, as
 * {@link TextMeOtpAuthenticationException}): every send and verify then fails with 502, and only the operator can fix
 * it. The line names the status and the settings to check, never their values. Other refusals are not its concern.
 */
@Singleton
public class CredentialsAlarm {
    /** The least time between two alarms. */
    static final Duration PERIOD = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(CredentialsAlarm.class);

    private final Clock clock;
    private final AtomicReference<Instant> quietUntil = new AtomicReference<>(Instant.MIN);

    CredentialsAlarm() {
        this(Clock.systemUTC());
    }

    CredentialsAlarm(Clock clock) {
        this.clock = clock;
    }

    /** Raises the alarm when {@code refusal} is TextMe refusing the credentials and none was raised this period. */
    public void refused(Exception refusal) {
        if (!(refusal instanceof TextMeOtpAuthenticationException credentials)) {
            return;
        }
        Instant now = clock.instant();
        Instant quiet = quietUntil.get();
        if (now.isBefore(quiet) || !quietUntil.compareAndSet(quiet, now.plus(PERIOD))) {
            return;
        }
        LOG.errorf("TextMe refused the credentials (status %d): every send and verify fails with 502 until"
                   + " TEXTME_USERNAME and TEXTME_API_TOKEN (textme.username and textme.api-token) are corrected (an"
                   + " expired or replaced token, or one of another username); said at most once a minute.",
                   credentials.getStatus());
    }
}
