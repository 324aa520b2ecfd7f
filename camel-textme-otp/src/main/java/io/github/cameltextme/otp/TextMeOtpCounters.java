package io.github.cameltextme.otp;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<Integer, LongAdder> apiErrors = new ConcurrentHashMap<>();
    private final Map<TextMeOtpLimit, LongAdder> limitRefusals = new EnumMap<>(TextMeOtpLimit.class);

    TextMeOtpCounters() {
        for (TextMeOtpLimit limit : TextMeOtpLimit.values()) {
            limitRefusals.put(limit, new LongAdder());
        }
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
        apiErrors.computeIfAbsent(status, s -> new LongAdder()).increment();
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
        return apiErrors.values().stream().mapToLong(LongAdder::sum).sum();
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

    /** The API errors per TextMe status, by ascending status. */
    Map<Integer, Long> apiErrorsByStatus() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        apiErrors.forEach((status, count) -> byStatus.put(status, count.sum()));
        return byStatus;
    }
}
