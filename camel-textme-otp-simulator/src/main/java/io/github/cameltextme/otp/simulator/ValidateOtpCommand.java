package io.github.cameltextme.otp.simulator;

import java.time.Clock;

/**
 * {@code validate_otp}: 0 for the right code within its time and tries (and the code is used up, which the inbox
 * shows), else 12.
 */
final class ValidateOtpCommand implements ApiCommand {

    private final OtpStore store;
    private final Inbox inbox;
    private final Clock clock;

    ValidateOtpCommand(OtpStore store, Inbox inbox, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public ApiResponse execute(String username, CommandFields fields, boolean dryRun) {
        ValidateOtpRequest request = ValidateOtpRequest.from(fields);
        OtpKey key = new OtpKey(username, request.appId(), request.phone().canonical());
        OtpCheck check = dryRun ? store.peek(key, request.code(), clock.instant()) : attempt(key, request.code());
        return check == OtpCheck.ACCEPTED
                ? ApiResponse.success(check.message())
                : ApiResponse.failure(ApiStatus.UNVERIFIED_CODE, check.message());
    }

    /** Checks the code, and marks its SMS in the inbox when the code is used, or has no try left. */
    private OtpCheck attempt(OtpKey key, String code) {
        OtpStore.Attempt attempt = store.attempt(key, code, clock.instant());
        if (attempt.check() == OtpCheck.ACCEPTED) {
            inbox.markUsed(attempt.messageId());
        } else if (attempt.lastTry()) {
            inbox.markOutOfTries(attempt.messageId());
        }
        return attempt.check();
    }
}
