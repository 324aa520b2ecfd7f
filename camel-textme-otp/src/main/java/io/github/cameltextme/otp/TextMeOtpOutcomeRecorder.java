package io.github.cameltextme.otp;

/**
 * Records what each exchange of one endpoint ended with, in both places an operator reads it: the endpoint's counters
 * (JMX) and its component's meters (Micrometer). The outcome is decided here, once, from the result or the failure,
 * so that the two always agree and a new outcome cannot be counted in one and forgotten in the other.
 */
final class TextMeOtpOutcomeRecorder {

    private final TextMeOtpEndpoint endpoint;
    private final TextMeOtpCounters counters;

    TextMeOtpOutcomeRecorder(TextMeOtpEndpoint endpoint, TextMeOtpCounters counters) {
        this.endpoint = endpoint;
        this.counters = counters;
    }

    /** The exchange ended with TextMe's answer: sent, valid or invalid. */
    void answered(TextMeOtpResult result) {
        if (operation() == TextMeOtpOperation.send) {
            record(TextMeOtpOutcome.SENT);
        } else {
            record(Boolean.TRUE.equals(result.getValid()) ? TextMeOtpOutcome.VALID : TextMeOtpOutcome.INVALID);
        }
    }

    /**
     * The exchange failed: a refusal by a limit, TextMe's failure status, a code not accepted (with
     * {@code throwOnInvalidCode}), bad input, the store or TextMe out of reach; any other failure, which is not a
     * {@link TextMeOtpException}, is {@code unexpected_error}.
     */
    void failed(RuntimeException failure) {
        if (failure instanceof TextMeOtpRateLimitException refusal) {
            counters.recordLimitRefusal(refusal.getLimit());
            meters().refused(operation(), refusal.getLimit());
        } else if (failure instanceof TextMeOtpInvalidCodeException) {
            record(TextMeOtpOutcome.INVALID);
        } else if (failure instanceof TextMeOtpApiException apiError) {
            counters.recordApiError(apiError.getStatus());
            meters().apiError(operation(), apiError.getStatus());
        } else {
            record(outcomeOf(failure));
        }
    }

    /** The exchange was let through on counts kept in this JVM's memory while the shared store was unreachable. */
    void countedInMemory() {
        counters.recordLimitFallback();
    }

    private TextMeOtpOperation operation() {
        return endpoint.getConfiguration().getOperation();
    }

    private TextMeOtpMeters meters() {
        return endpoint.getComponent().meters();
    }

    private static TextMeOtpOutcome outcomeOf(RuntimeException failure) {
        if (failure instanceof TextMeOtpValidationException) {
            return TextMeOtpOutcome.BAD_INPUT;
        }
        if (failure instanceof TextMeOtpLimitStoreException) {
            return TextMeOtpOutcome.STORE_ERROR;
        }
        if (failure instanceof TextMeOtpTransportException) {
            return TextMeOtpOutcome.TRANSPORT_ERROR;
        }
        return TextMeOtpOutcome.UNEXPECTED_ERROR;
    }

    private void record(TextMeOtpOutcome outcome) {
        counters.record(outcome);
        meters().exchange(operation(), outcome);
    }
}
