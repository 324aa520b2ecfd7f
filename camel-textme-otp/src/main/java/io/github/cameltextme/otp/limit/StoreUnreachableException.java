package io.github.cameltextme.otp.limit;

import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpOperation;

/**
 * The limit store did not answer in time, failed, or is known to be down: within this package, the failure that lets an
 * endpoint with {@code fallbackToMemory} count in memory instead; outside it, a {@link TextMeOtpLimitStoreException}.
 */
final class StoreUnreachableException extends RuntimeException {

    StoreUnreachableException(String problem, Throwable cause) {
        super(problem, cause, false, false);
    }

    TextMeOtpLimitStoreException toLimitStoreException(TextMeOtpOperation operation) {
        return new TextMeOtpLimitStoreException(operation, getMessage(), getCause());
    }
}
