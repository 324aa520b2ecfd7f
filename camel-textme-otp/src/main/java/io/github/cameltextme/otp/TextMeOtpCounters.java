package io.github.cameltextme.otp;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the exchanges of one endpoint ended with, counted without locks. The endpoint publishes the counts as JMX
 * attributes through Camel's management; {@link TextMeOtpOutcomeRecorder} is what counts them.
 */
final class TextMeOtpCounters {

    private final LongAdder[] outcomes = new LongAdder[TextMeOtpOutcome.values().length];
    private final LongAdder limitFallbacks = new LongAdder();
    /** Per documented status, and last the others together: bounded, whatever statuses a broken server sends. */
    private final LongAdder[] apiErrors = new LongAdder[TextMeOtpStatus.DOCUMENTED_FAILURES.length + 1];
    private final LongAdder[] limitRefusals = new LongAdder[TextMeOtpLimit.values().length];

    TextMeOtpCounters() {
        Arrays.setAll(outcomes, i -> new LongAdder());
        Arrays.setAll(apiErrors, i -> new LongAdder());
        Arrays.setAll(limitRefusals, i -> new LongAdder());
    }

    /** An exchange ended with an outcome; a refusal and an API error are recorded with their limit or status. */
    void record(TextMeOtpOutcome outcome) {
        outcomes[outcome.ordinal()].increment();
    }

    void recordApiError(int status) {
        record(TextMeOtpOutcome.API_ERROR);
        apiErrors[TextMeOtpStatus.documentedIndex(status)].increment();
    }

    void recordLimitRefusal(TextMeOtpLimit limit) {
        record(TextMeOtpOutcome.REFUSED);
        limitRefusals[limit.ordinal()].increment();
    }

    void recordLimitFallback() {
        limitFallbacks.increment();
    }

    /** The exchanges that ended with an outcome; for {@code REFUSED} and {@code API_ERROR}, every limit or status. */
    long count(TextMeOtpOutcome outcome) {
        return outcomes[outcome.ordinal()].sum();
    }

    long limitFallbackCount() {
        return limitFallbacks.sum();
    }

    /** The refusals per limit, in the order of {@link TextMeOtpLimit}. */
    Map<TextMeOtpLimit, Long> limitRefusalsByLimit() {
        Map<TextMeOtpLimit, Long> byLimit = new EnumMap<>(TextMeOtpLimit.class);
        for (TextMeOtpLimit limit : TextMeOtpLimit.values()) {
            byLimit.put(limit, limitRefusals[limit.ordinal()].sum());
        }
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
