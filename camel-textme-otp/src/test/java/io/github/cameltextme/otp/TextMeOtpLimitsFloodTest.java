package io.github.cameltextme.otp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

import io.github.cameltextme.otp.limit.EndpointLimiter;
import io.github.cameltextme.otp.limit.InMemoryLimitStore;
import io.github.cameltextme.otp.limit.LimitStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an attacker gets for free: a million validates for phones never sent a code, through the limits of an endpoint
 * counting in this JVM's memory, on a clock that stands still so that no window passes. They add no key and no heap,
 * and every count that restricts someone (a phone's sends, its wrong codes, the account's budget) holds after them.
 */
class TextMeOtpLimitsFloodTest {

    private static final int FLOOD = 1_000_000;
    private static final long MAX_HEAP_GROWTH_BYTES = 8L * 1024 * 1024;
    private static final String VICTIM = "0521234567";
    private static final String OTHER_PHONE = "0527654321";
    private static final int APP_ID = 1;

    private final TestWallClock clock = new TestWallClock();
    private final InMemoryLimitStore counts = new InMemoryLimitStore(InMemoryLimitStore.DEFAULT_MAX_KEYS, clock);
    private final InMemoryLimitStore clientValidations
            = new InMemoryLimitStore(InMemoryLimitStore.DEFAULT_MAX_KEYS, clock);
    private EndpointLimiter limiter;

    @BeforeEach
    void limitsOfAnEndpoint() {
        TextMeOtpConfiguration configuration = new TextMeOtpConfiguration();
        configuration.setUsername("leeroy");
        configuration.setApiToken("tk-5f0c1d2e9a8b7c6d");
        configuration.setAccountSendLimit(5);
        configuration.setFailedValidationLimit(3);
        configuration.setClientValidationLimit(FLOOD * 2);
        limiter = new EndpointLimiter(configuration, new LimitStores(null, counts, clientValidations));
    }

    @Test
    void aMillionValidatesForPhonesNeverSentACodeAddNoKeyNorHeapAndResetNoCount() {
        for (int i = 0; i < 5; i++) {
            limiter.reserveSend(VICTIM, APP_ID, "203.0.113.7");
            clock.advance(Duration.ofSeconds(30));
        }
        for (int i = 0; i < 3; i++) {
            limiter.reserveValidation(VICTIM, APP_ID, "203.0.113.7");
        }
        long keysBefore = counts.keys();
        long heapBefore = usedHeapAfterGc();

        for (int i = 0; i < FLOOD; i++) {
            limiter.reserveValidation(String.format("05%08d", i), APP_ID, "198.51.100.66");
        }

        assertEquals(keysBefore, counts.keys(), "keys of sends and wrong codes");
        assertEquals(2, clientValidations.keys(), "the victim's client and the attacker's");
        long growth = usedHeapAfterGc() - heapBefore;
        assertTrue(growth < MAX_HEAP_GROWTH_BYTES, "the heap grew by " + growth + " bytes");

        assertRefusedBy(TextMeOtpLimit.PHONE_SENDS, () -> limiter.reserveSend(VICTIM, APP_ID, null));
        assertRefusedBy(TextMeOtpLimit.ACCOUNT_SENDS, () -> limiter.reserveSend(OTHER_PHONE, APP_ID, null));
        assertRefusedBy(TextMeOtpLimit.FAILED_VALIDATIONS, () -> limiter.reserveValidation(VICTIM, APP_ID, null));
    }

    @Test
    void validatesFromMoreClientsThanTheirStoreHoldsGoOnWithoutAClientCountWhileWrongCodesStillCount() {
        InMemoryLimitStore fewClients = new InMemoryLimitStore(2, clock);
        LimitStores stores = new LimitStores(null, counts, fewClients);
        TextMeOtpConfiguration configuration = new TextMeOtpConfiguration();
        configuration.setUsername("leeroy");
        configuration.setApiToken("tk-5f0c1d2e9a8b7c6d");
        configuration.setFailedValidationLimit(1);
        configuration.setClientValidationLimit(1);
        EndpointLimiter limits = new EndpointLimiter(configuration, stores);
        limits.reserveSend(VICTIM, APP_ID, null);

        limits.reserveValidation(OTHER_PHONE, APP_ID, "198.51.100.1");
        limits.reserveValidation(OTHER_PHONE, APP_ID, "198.51.100.2");
        limits.reserveValidation(OTHER_PHONE, APP_ID, "198.51.100.3");
        limits.reserveValidation(VICTIM, APP_ID, "198.51.100.4");

        assertEquals(2, fewClients.keys());
        assertEquals(2, stores.clientValidationsUncounted());
        assertRefusedBy(TextMeOtpLimit.CLIENT_VALIDATIONS,
                        () -> limits.reserveValidation(OTHER_PHONE, APP_ID, "198.51.100.1"));
        assertRefusedBy(TextMeOtpLimit.FAILED_VALIDATIONS,
                        () -> limits.reserveValidation(VICTIM, APP_ID, "198.51.100.5"));
    }

    private static void assertRefusedBy(TextMeOtpLimit limit, Runnable reservation) {
        assertEquals(limit, assertThrows(TextMeOtpRateLimitException.class, reservation::run).getLimit());
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
