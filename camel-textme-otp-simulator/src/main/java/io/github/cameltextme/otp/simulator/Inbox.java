package io.github.cameltextme.otp.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The SMS the simulator delivered, newest first. Ids grow with every message and are never reused. */
final class Inbox {

    private final Deque<SmsMessage> newestFirst = new ArrayDeque<>();
    private long lastId;

    synchronized void deliver(PhoneNumber phone, String source, int appId, String text, String code, Instant sentAt) {
        newestFirst.addFirst(new SmsMessage(++lastId, phone.national(), source, appId, text, code, sentAt));
    }

    synchronized List<SmsMessage> messages() {
        return List.copyOf(newestFirst);
    }

    synchronized Optional<SmsMessage> newestTo(PhoneNumber phone) {
        String national = phone.national();
        return newestFirst.stream().filter(message -> message.phone().equals(national)).findFirst();
    }

    synchronized void clear() {
        newestFirst.clear();
    }
}
