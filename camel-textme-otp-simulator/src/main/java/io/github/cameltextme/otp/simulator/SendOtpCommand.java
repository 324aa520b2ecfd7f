package io.github.cameltextme.otp.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** {@code send_otp}: stores a fresh code for (account, app id, phone) and delivers the SMS to the inbox. */
final class SendOtpCommand implements ApiCommand {

    private final OtpStore store;
    private final Inbox inbox;
    private final SenderPolicy senders;
    private final OtpCodeGenerator codes;
    private final Clock clock;
    private final AtomicLong shipmentIds = new AtomicLong();

    SendOtpCommand(OtpStore store, Inbox inbox, SenderPolicy senders, OtpCodeGenerator codes, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.senders = senders;
        this.codes = codes;
        this.clock = clock;
    }

    @Override
    public ApiResponse execute(String username, CommandFields fields, boolean dryRun) {
        SendOtpRequest request = SendOtpRequest.from(fields, senders);
        if (!dryRun) {
            String code = codes.next();
            Instant now = clock.instant();
            OtpKey key = new OtpKey(username, request.appId(), request.phone().canonical());
            Instant expiresAt = now.plus(request.validTime());
            long messageId = inbox.deliver(request.phone(), request.source(), request.appId(), request.textWith(code), code,
                    now, expiresAt);
            OtpEntry replaced = store.save(key, new OtpEntry(code, expiresAt, request.maxTries(), messageId));
            if (replaced != null && !replaced.expiredAt(now)) {
                inbox.markReplaced(replaced.messageId());
            }
        }
        return ApiResponse.success("the code was sent").with("shipment_id", shipmentIds.incrementAndGet());
    }
}
