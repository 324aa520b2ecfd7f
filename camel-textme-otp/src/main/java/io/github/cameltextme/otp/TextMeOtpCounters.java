package io.github.cameltextme.otp;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the exchanges of one endpoint ended with, counted without locks. The endpoint publishes the counts as JMX
 * attributes through Camel's management.
 */
final class TextMeOtpCounters {

    private final LongAdder sent = new LongAdder();
    private final LongAdder valid = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final LongAdder limitStoreErrors = new LongAdder();
    private final LongAdder limitFallbacks = new LongAdder();
    /** Per documented status, and last the others together: bounded, whatever statuses a broken server sends. */
    private final LongAdder[] apiErrors = new LongAdder[TextMeOtpStatus.DOCUMENTED_FAILURES.length + 1];
    private final Map<TextMeOtpLimit, LongAdder> limitRefusals = new EnumMap<>(TextMeOtpLimit.class);

    TextMeOtpCounters() {
        for (TextMeOtpLimit limit : TextMeOtpLimit.values()) {
            limitRefusals.put(limit, new LongAdder());
        }
        Arrays.setAll(apiErrors, i -> new LongAdder());
    }

    void recordSent() {
        sent.increment();
    }

    void recordValid() {
        valid.increment();
    }

    void recordInvalid() {
        invalid.increment();
    }

    void recordApiError(int status) {
        apiErrors[TextMeOtpStatus.documentedIndex(status)].increment();
    }

    void recordTransportError() {
        transportErrors.increment();
    }

    void recordLimitRefusal(TextMeOtpLimit limit) {
        limitRefusals.get(limit).increment();
    }

    void recordLimitStoreError() {
        limitStoreErrors.increment();
    }

    void recordLimitFallback() {
        limitFallbacks.increment();
    }

    long sentCount() {
        return sent.sum();
    }

    long validCount() {
        return valid.sum();
    }

    long invalidCount() {
        return invalid.sum();
    }

    long transportErrorCount() {
        return transportErrors.sum();
    }

    long apiErrorCount() {
        return Arrays.stream(apiErrors).mapToLong(LongAdder::sum).sum();
    }

    long limitStoreErrorCount() {
        return limitStoreErrors.sum();
    }

    long limitFallbackCount() {
        return limitFallbacks.sum();
    }

    long limitRefusalCount() {
        return limitRefusals.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The refusals per limit, in the order of {@link TextMeOtpLimit}. */
    Map<TextMeOtpLimit, Long> limitRefusalsByLimit() {
        Map<TextMeOtpLimit, Long> byLimit = new EnumMap<>(TextMeOtpLimit.class);
        limitRefusals.forEach((limit, count) -> byLimit.put(limit, count.sum()));
        return byLimit;
    }

    /**
     * The API errors per TextMe status that occurred, by ascending status, then those of undocumented statuses
     * together as {@code other}.
     */
    Map<String, Long> apiErrorsByStatus() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (int i = 0; i < apiErrors.length; i++) {
            long count = apiErrors[i].sum();
            if (count > 0) {
                byStatus.put(TextMeOtpStatus.documentedName(i), count);
            }
        }
        return byStatus;
    }
}
