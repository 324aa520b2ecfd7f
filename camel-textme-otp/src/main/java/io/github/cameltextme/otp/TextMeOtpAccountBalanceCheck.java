package io.github.cameltextme.otp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameltextme.otp.client.TextMeOtpApiClient;
import io.github.cameltextme.otp.model.ApiResponse;
import io.github.cameltextme.otp.model.ApiUser;
import io.github.cameltextme.otp.model.BalanceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balance call of one account, made in the background once per interval on behalf of every endpoint of the account
 * whose producer has a readiness check, and its last outcome, which the checks answer at once. The call goes through
 * the client of the endpoint registered first. Its failures are logged at DEBUG only: the status, or the exception
 * with its host and port; never the token nor TextMe's message.
 * <p>
 * Scheduled and cancelled by {@link TextMeOtpBalanceChecks}, under its lock.
 */
final class TextMeOtpAccountBalanceCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TextMeOtpAccountBalanceCheck.class);

    private final TextMeOtpAccountKey account;
    private final List<TextMeOtpEndpoint> endpoints = new CopyOnWriteArrayList<>();
    private volatile TextMeOtpBalanceOutcome outcome = TextMeOtpBalanceOutcome.NOT_CHECKED_YET;
    private volatile boolean wanted;
    private volatile ScheduledFuture<?> schedule;

    TextMeOtpAccountBalanceCheck(TextMeOtpAccountKey account) {
        this.account = account;
    }

    /** The outcome of the last balance call, or {@link TextMeOtpBalanceOutcome#NOT_CHECKED_YET}. */
    TextMeOtpBalanceOutcome outcome() {
        return outcome;
    }

    /** Whether a readiness check has asked for the balance calls: they run from then on while the executor runs. */
    boolean isWanted() {
        return wanted;
    }

    /** Whether the calls run now. */
    boolean isScheduled() {
        return schedule != null;
    }

    void add(TextMeOtpEndpoint endpoint) {
        endpoints.add(endpoint);
    }

    /** Removes one registration of the endpoint; returns whether none of the account is left. */
    boolean remove(TextMeOtpEndpoint endpoint) {
        endpoints.remove(endpoint);
        return endpoints.isEmpty();
    }

    /** Marks the calls as wanted and, when not running yet, runs them: the first at once, then once per interval. */
    void schedule(ScheduledExecutorService executor, long intervalMillis) {
        wanted = true;
        if (schedule == null && executor != null) {
            schedule = executor.scheduleWithFixedDelay(this::callBalance, 0, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the calls; a call under way finishes, its outcome no longer read once the account is gone. */
    void cancel() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void callBalance() {
        TextMeOtpEndpoint endpoint = endpoints.isEmpty() ? null : endpoints.get(0);
        if (endpoint == null) {
            return;
        }
        TextMeOtpMeters meters = endpoint.getComponent().meters();
        try {
            TextMeOtpApiClient client = endpoint.startedApiClient()
                    .orElseThrow(() -> TextMeOtpTransportException.endpointNotStarted(null));
            ApiResponse answer;
            long start = System.nanoTime();
            try {
                answer = client.execute(new BalanceRequest(new ApiUser(endpoint.getConfiguration().getUsername())));
            } finally {
                meters.roundTrip(null, System.nanoTime() - start);
            }
            if (answer.status() == TextMeOtpStatus.SUCCESS) {
                outcome = TextMeOtpBalanceOutcome.UP;
                return;
            }
            outcome = TextMeOtpBalanceOutcome.refused(answer.status());
            // not TextMe's message, which could echo anything, such as a code of another exchange
            LOG.debug("TextMe refused the balance call of {} with status {}", account, answer.status());
        } catch (RuntimeException e) {
            // a TextMeOtpTransportException, or a bug that must not end the periodic calls
            outcome = TextMeOtpBalanceOutcome.UNREACHABLE;
            LOG.debug("The balance call of {} got no usable answer", account, e);
        }
    }
}
