package io.github.cameltextme.otp.limit;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.TextMeOtpLimit;
import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpOperation;
import io.github.cameltextme.otp.TextMeOtpRateLimitException;
import io.github.cameltextme.otp.limit.LimitStores.Targets;
import io.github.cameltextme.otp.util.Masking;

/**
 * The limits of one endpoint, counted in the component's stores. Before a call, an exchange takes a place in every
 * limit that applies, each atomically in its bucket; if one refuses, the places already taken are given back and the
 * exchange fails with a {@link TextMeOtpRateLimitException}.
 * <p>
 * The store grows only with SMS that may have been sent: a send takes places that it keeps only when TextMe may have
 * sent the SMS, and records the code sent to the phone; a validate counts a wrong code only for a phone that has such
 * a record, or whose wrong codes are counted already, so that validates for phones never sent a code add no key (but
 * the one of their client, when validates are counted per client). Store keys carry the username, the application id
 * and an HMAC of the phone or client key, never the phone or the client key themselves.
 */
public final class EndpointLimiter {

    /** How long after a send its code counts as sent: the longest a TextMe code lives (validTime 15). */
    public static final Duration SENT_CODE_LIFE = Duration.ofMinutes(15);

    private static final String KEY_PREFIX = "textme-otp:";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final SentCodeRecord SENT_CODE = SentCodeRecord.lasting(SENT_CODE_LIFE);

    private final Targets primary;
    private final Targets fallback;
    private final LimitKeys keys;
    private final String accountPrefix;
    private final LimitRule phoneSends;
    private final LimitRule clientSends;
    private final LimitRule accountSends;
    private final LimitRule failedValidations;
    private final LimitRule clientValidations;
    private final Runnable uncountedClientValidations;

    /**
     * The limits the configuration sets, counted in the stores; the configuration's {@code limitsEnabled} is for the
     * caller to honour.
     */
    public EndpointLimiter(TextMeOtpConfiguration configuration, LimitStores stores) {
        this.primary = stores.primary(configuration.getConnectTimeout());
        this.fallback = configuration.isFallbackToMemory() ? stores.fallback(configuration.getConnectTimeout()) : null;
        this.uncountedClientValidations = stores::clientValidationUncounted;
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
        this.clientValidations = LimitRule.perWindow(TextMeOtpLimit.CLIENT_VALIDATIONS, "client-validation",
                                                     configuration.getClientValidationLimit(),
                                                     Duration.ofMillis(configuration.getClientValidationWindow()));
    }

    /**
     * Takes a place for a send in the client's limit, the phone's (the resend interval and the count) and the
     * account's, and records the code sent to the phone. The caller's own place comes first, so that a caller its
     * limit refuses never holds, even for a moment, a place of the phone it names.
     *
     * @param  clientKey                    the caller; {@code null} or blank when the client limit does not count it
     * @throws TextMeOtpRateLimitException  when a limit refuses the send
     * @throws TextMeOtpLimitStoreException when the store cannot count it
     */
    public Reservation reserveSend(String phone, int appId, String clientKey) {
        String phoneHash = keys.hash(phone);
        String clientHash = clientSends != null && isPresent(clientKey) ? keys.hash(clientKey) : null;
        return reserve(TextMeOtpOperation.send, stores -> {
            Reservation reservation = new Reservation(
                    TextMeOtpOperation.send, stores.counts().deadlineFromNow(), stores.fallback());
            if (clientHash != null) {
                take(reservation, stores.counts(), clientSends, clientKey(clientSends, clientHash), phone);
            }
            if (phoneSends != null) {
                take(reservation, stores.counts(), phoneSends, phoneKey(phoneSends, appId, phoneHash), phone);
            }
            if (accountSends != null) {
                take(reservation, stores.counts(), accountSends, accountKey(accountSends), phone);
            }
            String sentCode = sentCodeKey(appId, phoneHash);
            guarded(reservation, () -> {
                stores.counts().recordCodeSent(TextMeOtpOperation.send, sentCode, SENT_CODE, reservation.deadline());
                return null;
            });
            reservation.addCodeSent(stores.counts(), sentCode, SENT_CODE);
            return reservation;
        });
    }

    /**
     * Takes a place for a validation in the count of validates for the client (unless that store is full), then in the
     * count of wrong codes for the phone, when the phone was sent a code or has wrong codes counted, or for any phone
     * while the shared store is unreachable and the endpoint counts in memory, which holds no record of codes sent.
     *
     * @param  clientKey                    the caller; {@code null} or blank when the client limit does not count it
     * @throws TextMeOtpRateLimitException  when the phone has had too many wrong codes, or the client too many tries
     * @throws TextMeOtpLimitStoreException when the store cannot count it
     */
    public Reservation reserveValidation(String phone, int appId, String clientKey) {
        boolean countsClient = clientValidations != null && isPresent(clientKey);
        if (failedValidations == null && !countsClient) {
            return Reservation.none();
        }
        String phoneHash = keys.hash(phone);
        String clientHash = countsClient ? keys.hash(clientKey) : null;
        return reserve(TextMeOtpOperation.validate, stores -> {
            Reservation reservation = new Reservation(
                    TextMeOtpOperation.validate, stores.counts().deadlineFromNow(), stores.fallback());
            if (clientHash != null) {
                takeUnlessFull(reservation, stores.clientValidations(), clientValidations,
                               clientKey(clientValidations, clientHash), phone);
            }
            if (failedValidations != null) {
                String wrongCodes = phoneKey(failedValidations, appId, phoneHash);
                boolean counted = stores.fallback() || guarded(reservation, () -> isCountedOrSentACode(
                        stores.counts(), wrongCodes, sentCodeKey(appId, phoneHash), reservation.deadline()));
                if (counted) {
                    take(reservation, stores.counts(), failedValidations, wrongCodes, phone);
                }
            }
            return reservation;
        });
    }

    /** Whether the phone's wrong codes are counted already, or a code was sent to it. */
    private static boolean isCountedOrSentACode(LimitStore store, String wrongCodes, String sentCode, long deadline) {
        return store.holds(TextMeOtpOperation.validate, wrongCodes, deadline)
               || store.holdsCodeSent(TextMeOtpOperation.validate, sentCode, deadline);
    }

    /**
     * Takes the places in the shared store, or in memory when it is unreachable and the endpoint falls back; the places
     * taken before the store failed are given back first.
     */
    private Reservation reserve(TextMeOtpOperation operation, Function<Targets, Reservation> takePlaces) {
        try {
            return takePlaces.apply(primary);
        } catch (StoreUnreachableException e) {
            if (fallback == null) {
                throw e.toLimitStoreException(operation);
            }
            return takePlaces.apply(fallback);
        }
    }

    /** {@code textme-otp:<username>:<appId>:<setting>:<phone HMAC>}. */
    private String phoneKey(LimitRule rule, int appId, String phoneHash) {
        return accountPrefix + appId + ":" + rule.setting() + ":" + phoneHash;
    }

    /** {@code textme-otp:<username>:<appId>:code:<phone HMAC>}, whatever the endpoint's settings. */
    private String sentCodeKey(int appId, String phoneHash) {
        return accountPrefix + appId + ":code:" + phoneHash;
    }

    /** {@code textme-otp:<username>:<setting>:<client key HMAC>}. */
    private String clientKey(LimitRule rule, String clientHash) {
        return accountKey(rule) + ":" + clientHash;
    }

    /** {@code textme-otp:<username>:<setting>}. */
    private String accountKey(LimitRule rule) {
        return accountPrefix + rule.setting();
    }

    /** Takes a place in the rule's bucket for the key. */
    private void take(Reservation reservation, LimitStore store, LimitRule rule, String key, String phone) {
        VerboseResult<ConsumptionProbe> taken = guarded(
                reservation, () -> store.take(reservation.operation(), key, rule.bucket(), reservation.deadline()));
        ConsumptionProbe probe = taken.getValue();
        if (!probe.isConsumed()) {
            TextMeOtpLimit limit = rule.refusing(taken.getDiagnostics().getAvailableTokensPerEachBandwidth());
            TextMeOtpRateLimitException refusal = new TextMeOtpRateLimitException(
                    reservation.operation(), limit, wholeSeconds(probe.getNanosToWaitForRefill()),
                    subject(limit, phone));
            throw reservation.givenBackAfter(refusal, reservation.deadline());
        }
        reservation.add(store, key, rule);
    }

    /**
     * Takes a place in a client's count of validates; when that store is full, the validate goes on without it (the
     * phone's wrong codes still count), so that validates from many addresses cannot stop everyone's validates.
     */
    private void takeUnlessFull(Reservation reservation, LimitStore store, LimitRule rule, String key, String phone) {
        try {
            take(reservation, store, rule, key, phone);
        } catch (TextMeOtpLimitStoreException e) {
            if (!e.isFull()) {
                throw e;
            }
            uncountedClientValidations.run();
        }
    }

    /** The store's answer; when the store fails, the places already taken are given back first. */
    private static <T> T guarded(Reservation reservation, Supplier<T> storeCall) {
        try {
            return storeCall.get();
        } catch (RuntimeException e) {
            throw reservation.givenBackAfter(e, reservation.deadline());
        }
    }

    private static boolean isPresent(String clientKey) {
        return clientKey != null && !clientKey.isBlank();
    }

    private static String subject(TextMeOtpLimit limit, String phone) {
        return switch (limit) {
            case CLIENT_SENDS, CLIENT_VALIDATIONS -> "this client";
            case ACCOUNT_SENDS -> "the account";
            default -> Masking.phone(phone);
        };
    }

    private static Duration wholeSeconds(long nanos) {
        long seconds = (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
