package io.github.cameltextme.otp.limit;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.TextMeOtpLimit;
import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpOperation;
import io.github.cameltextme.otp.TextMeOtpRateLimitException;
import io.github.cameltextme.otp.util.Masking;

/**
 * The limits of one endpoint, counted in the component's store. Before a call, an exchange takes a place in every
 * limit that applies, each atomically in its bucket; if one refuses, the places already taken are given back and the
 * exchange fails with a {@link TextMeOtpRateLimitException}. Store keys carry the username, the application id and an
 * HMAC of the phone or client key, never the phone or the client key themselves.
 */
public final class EndpointLimiter {

    private static final String KEY_PREFIX = "textme-otp:";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LimitStore store;
    private final LimitKeys keys;
    private final String accountPrefix;
    private final LimitRule phoneSends;
    private final LimitRule clientSends;
    private final LimitRule accountSends;
    private final LimitRule failedValidations;

    /**
     * The limits the configuration sets, counted in the store; the configuration's {@code limitsEnabled} is for the
     * caller to honour.
     */
    public EndpointLimiter(TextMeOtpConfiguration configuration, ProxyManager<String> proxies) {
        this.store = new LimitStore(proxies, configuration.getConnectTimeout());
        this.keys = new LimitKeys(configuration.getApiToken());
        this.accountPrefix = KEY_PREFIX + configuration.getUsername() + ":";
        this.phoneSends = LimitRule.perPhone(Duration.ofMillis(configuration.getResendInterval()),
                                             configuration.getPhoneSendLimit(),
                                             Duration.ofMillis(configuration.getPhoneSendWindow()));
        this.clientSends = LimitRule.perWindow(TextMeOtpLimit.CLIENT_SENDS, "client",
                                               configuration.getClientSendLimit(),
                                               Duration.ofMillis(configuration.getClientSendWindow()));
        this.accountSends = LimitRule.perWindow(TextMeOtpLimit.ACCOUNT_SENDS, "account",
                                                configuration.getAccountSendLimit(),
                                                Duration.ofMillis(configuration.getAccountSendWindow()));
        this.failedValidations = LimitRule.perWindow(TextMeOtpLimit.FAILED_VALIDATIONS, "failed-validation",
                                                     configuration.getFailedValidationLimit(),
                                                     Duration.ofMillis(configuration.getFailedValidationWindow()));
    }

    /**
     * Takes a place for a send in the phone's limits (the resend interval and the count), the client's and the
     * account's.
     *
     * @param  clientKey                    the caller; {@code null} or blank when the client limit does not count it
     * @throws TextMeOtpRateLimitException  when a limit refuses the send
     * @throws TextMeOtpLimitStoreException when the store cannot be asked
     */
    public Reservation reserveSend(String phone, int appId, String clientKey) {
        boolean countsClient = clientSends != null && clientKey != null && !clientKey.isBlank();
        String phoneKey = phoneSends != null ? phoneKey(phoneSends, appId, phone) : null;
        String clientKeyInStore = countsClient ? accountKey(clientSends) + ":" + keys.hash(clientKey) : null;
        Reservation reservation = new Reservation(store, TextMeOtpOperation.send);
        if (phoneKey != null) {
            take(reservation, phoneSends, phoneKey, phone);
        }
        if (clientKeyInStore != null) {
            take(reservation, clientSends, clientKeyInStore, phone);
        }
        if (accountSends != null) {
            take(reservation, accountSends, accountKey(accountSends), phone);
        }
        return reservation;
    }

    /**
     * Takes a place for a validation in the count of wrong codes for the phone.
     *
     * @throws TextMeOtpRateLimitException  when the phone has had too many wrong codes
     * @throws TextMeOtpLimitStoreException when the store cannot be asked
     */
    public Reservation reserveValidation(String phone, int appId) {
        if (failedValidations == null) {
            return Reservation.none();
        }
        String key = phoneKey(failedValidations, appId, phone);
        Reservation reservation = new Reservation(store, TextMeOtpOperation.validate);
        take(reservation, failedValidations, key, phone);
        return reservation;
    }

    /** {@code textme-otp:<username>:<appId>:<setting>:<phone HMAC>}. */
    private String phoneKey(LimitRule rule, int appId, String phone) {
        return accountPrefix + appId + ":" + rule.setting() + ":" + keys.hash(phone);
    }

    /** {@code textme-otp:<username>:<setting>}. */
    private String accountKey(LimitRule rule) {
        return accountPrefix + rule.setting();
    }

    /** Takes a place in the rule's bucket for the key. */
    private void take(Reservation reservation, LimitRule rule, String key, String phone) {
        VerboseResult<ConsumptionProbe> taken;
        try {
            taken = store.take(reservation.operation(), key, rule.bucket(), reservation.deadline());
        } catch (RuntimeException e) {
            throw reservation.givenBackAfter(e, reservation.deadline());
        }
        ConsumptionProbe probe = taken.getValue();
        if (!probe.isConsumed()) {
            TextMeOtpLimit limit = rule.refusing(taken.getDiagnostics().getAvailableTokensPerEachBandwidth());
            TextMeOtpRateLimitException refusal = new TextMeOtpRateLimitException(
                    reservation.operation(), limit, wholeSeconds(probe.getNanosToWaitForRefill()),
                    subject(limit, phone));
            throw reservation.givenBackAfter(refusal, reservation.deadline());
        }
        reservation.add(key, rule);
    }

    private static String subject(TextMeOtpLimit limit, String phone) {
        return switch (limit) {
            case CLIENT_SENDS -> "this client";
            case ACCOUNT_SENDS -> "the account";
            default -> Masking.phone(phone);
        };
    }

    private static Duration wholeSeconds(long nanos) {
        long seconds = (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
