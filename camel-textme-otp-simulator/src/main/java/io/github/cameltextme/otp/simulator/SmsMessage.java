package io.github.cameltextme.otp.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * An SMS the simulator delivered to its inbox.
 *
 * @param id     increasing number, unique within one simulator
 * @param phone  the destination in national form, {@code 05XXXXXXXX}
 * @param source the sender shown on the phone
 * @param appId  the application id the code belongs to
 * @param text   the SMS text, with the code in place of {@code [code]}
 * @param code   the six-digit one-time code
 * @param sentAt when the simulator's clock says it was sent
 */
public record SmsMessage(long id, String phone, String source, int appId, String text, String code, Instant sentAt) {

    public SmsMessage {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
