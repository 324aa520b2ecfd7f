package io.github.cameltextme.examples.otpservice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cameltextme.otp.TextMeOtpAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs at ERROR, at most once a minute, that TextMe refuses the account's credentials (statuses 3, 10 and 11, as
 * {@link TextMeOtpAuthenticationException}): every send and verify then fails with 502, and only the operator can fix
 * it. The line names the status and the settings to check, never their values. Other refusals are not its concern.
 * The routes declare it as the bean {@code credentialsAlarm}, so that it comes along wherever they run (Camel Main,
 * Camel JBang).
 */
public final class CredentialsAlarm {

    /** The least time between two alarms. */
    static final Duration PERIOD = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsAlarm.class);

    private final Clock clock;
    private final AtomicReference<Instant> quietUntil = new AtomicReference<>(Instant.MIN);

    public CredentialsAlarm() {
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
        LOG.error("TextMe refused the credentials (status {}): every send and verify fails with 502 until"
                  + " TEXTME_USERNAME and TEXTME_API_TOKEN are corrected (an expired or replaced"
                  + " token, or one of another username); said at most once a minute.", credentials.getStatus());
    }
}
