package io.github.cameltextme.otp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.health.HealthCheck;

/**
 * The balance calls of a component's readiness checks: at most one per account per interval, whatever the number of
 * endpoints of the account and however often the checks are asked, made on the component's executor and never on the
 * caller's thread. An account's calls start when a readiness check first wants them (its producer starts with the
 * checks on, or the check is first asked) and stop when the last endpoint of the account is gone; they pause while the
 * component is stopped.
 */
final class TextMeOtpBalanceChecks {

    private final Map<TextMeOtpAccountKey, TextMeOtpAccountBalanceCheck> accounts = new HashMap<>();
    private ScheduledExecutorService executor;
    private long intervalMillis;

    /** Runs the wanted calls on the executor, each account's once per interval. */
    synchronized void start(ScheduledExecutorService executor, long intervalMillis) {
        this.executor = executor;
        this.intervalMillis = intervalMillis;
        accounts.values().stream().filter(TextMeOtpAccountBalanceCheck::isWanted)
                .forEach(account -> account.schedule(executor, intervalMillis));
    }

    /** Stops every call; the accounts and their last outcomes stay, for a start again. */
    synchronized void stop() {
        accounts.values().forEach(TextMeOtpAccountBalanceCheck::cancel);
        executor = null;
    }

    /** Registers an endpoint with its account's balance check, which it shares with the account's other endpoints. */
    synchronized TextMeOtpAccountBalanceCheck register(TextMeOtpEndpoint endpoint) {
        TextMeOtpAccountBalanceCheck account = accounts.computeIfAbsent(
                TextMeOtpAccountKey.of(endpoint.getConfiguration()), TextMeOtpAccountBalanceCheck::new);
        account.add(endpoint);
        return account;
    }

    /** Removes a registration; the account's calls stop with its last one. */
    synchronized void unregister(TextMeOtpEndpoint endpoint, TextMeOtpAccountBalanceCheck account) {
        if (account.remove(endpoint)) {
            account.cancel();
            accounts.values().remove(account);
        }
    }

    /** Starts the account's calls if they are not running yet; they run while the account has an endpoint. */
    synchronized void want(TextMeOtpAccountBalanceCheck account) {
        if (accounts.containsValue(account)) {
            account.schedule(executor, intervalMillis);
        }
    }

    /**
     * The last outcome of the balance calls as a number: 1 when every account that has an answer was UP, 0 when one
     * was not, NaN while none has an answer yet.
     */
    synchronized double lastOutcome() {
        boolean answered = false;
        boolean up = true;
        for (TextMeOtpAccountBalanceCheck account : accounts.values()) {
            TextMeOtpBalanceOutcome outcome = account.outcome();
            if (outcome != TextMeOtpBalanceOutcome.NOT_CHECKED_YET) {
                answered = true;
                up &= outcome.state() == HealthCheck.State.UP;
            }
        }
        return !answered ? Double.NaN : up ? 1 : 0;
    }

    /** The accounts whose balance is called now. */
    synchronized int accountsCalled() {
        return (int) accounts.values().stream().filter(TextMeOtpAccountBalanceCheck::isScheduled).count();
    }
}
