package io.github.cameltextme.otp.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The newest SMS the simulator delivered, newest first; the oldest is forgotten once the inbox is full. Ids grow with
 * every message and are never reused.
 */
final class Inbox {

    private final Deque<SmsMessage> newestFirst = new ArrayDeque<>();
    private final int capacity;
    private long lastId;

    Inbox(int capacity) {
        this.capacity = capacity;
    }

    synchronized void deliver(PhoneNumber phone, String source, int appId, String text, String code, Instant sentAt) {
        if (newestFirst.size() == capacity) {
            newestFirst.removeLast();
        }
        newestFirst.addFirst(new SmsMessage(++lastId, phone.national(), source, appId, text, code, sentAt));
    }

    synchronized List<SmsMessage> messages() {
        return List.copyOf(newestFirst);
    }

    /** The newest {@code limit} messages, newest first, and how many the inbox holds. */
    synchronized Page newest(int limit) {
        return new Page(newestFirst.stream().limit(limit).toList(), newestFirst.size());
    }

    record Page(List<SmsMessage> messages, int total) {
    }

    synchronized Optional<SmsMessage> newestTo(PhoneNumber phone) {
        String national = phone.national();
        return newestFirst.stream().filter(message -> message.phone().equals(national)).findFirst();
    }

    synchronized void clear() {
        newestFirst.clear();
    }
}
