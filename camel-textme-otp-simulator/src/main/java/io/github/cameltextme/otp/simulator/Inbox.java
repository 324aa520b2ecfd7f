package io.github.cameltextme.otp.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest SMS the simulator delivered, newest first; the oldest is forgotten once the inbox is full. Ids grow with
 * every message and are never reused. Each message keeps when its code expires and, once it has, how its code ended:
 * used by a validate, replaced by a newer code to the same phone, or out of tries.
 */
final class Inbox {

    private final Deque<SmsMessage> newestFirst = new ArrayDeque<>();
    private final Map<Long, Instant> expiries = new HashMap<>();
    /** The state of each message whose code ended before it expired. */
    private final Map<Long, String> ends = new HashMap<>();
    private final int capacity;
    private long lastId;

    Inbox(int capacity) {
        this.capacity = capacity;
    }

    /** Delivers an SMS whose code expires at {@code expiresAt}; its id. */
    synchronized long deliver(PhoneNumber phone, String source, int appId, String text, String code, Instant sentAt,
            Instant expiresAt) {
        if (newestFirst.size() == capacity) {
            long forgotten = newestFirst.removeLast().id();
            expiries.remove(forgotten);
            ends.remove(forgotten);
        }
        SmsMessage message = new SmsMessage(++lastId, phone.national(), source, appId, text, code, sentAt);
        newestFirst.addFirst(message);
        expiries.put(message.id(), expiresAt);
        return message.id();
    }

    /** Marks the code of the SMS with this id used; nothing when the inbox no longer holds it. */
    void markUsed(long messageId) {
        end(messageId, "used");
    }

    /** Marks the code of the SMS with this id replaced by a newer one to the same phone. */
    void markReplaced(long messageId) {
        end(messageId, "replaced");
    }

    /** Marks the code of the SMS with this id out of tries: wrong codes spent them all. */
    void markOutOfTries(long messageId) {
        end(messageId, "out-of-tries");
    }

    private synchronized void end(long messageId, String state) {
        if (expiries.containsKey(messageId)) {
            ends.putIfAbsent(messageId, state);
        }
    }

    synchronized List<SmsMessage> messages() {
        return List.copyOf(newestFirst);
    }

    /** The newest {@code limit} messages, newest first, and how many the inbox holds. */
    synchronized Page newest(int limit) {
        List<Delivery> deliveries = newestFirst.stream()
                .limit(limit)
                .map(message -> new Delivery(message, expiries.get(message.id()), ends.get(message.id())))
                .toList();
        return new Page(deliveries, newestFirst.size());
    }

    record Page(List<Delivery> deliveries, int total) {
    }

    /** A delivered SMS, when its code expires, and how its code ended, or {@code null} while it has not. */
    record Delivery(SmsMessage message, Instant expiresAt, String end) {

        /** {@code used}, {@code replaced} or {@code out-of-tries} once ended, else {@code expired} or {@code unused}. */
        String state(Instant now) {
            if (end != null) {
                return end;
            }
            return now.isBefore(expiresAt) ? "unused" : "expired";
        }
    }

    synchronized Optional<SmsMessage> newestTo(PhoneNumber phone) {
        String national = phone.national();
        return newestFirst.stream().filter(message -> message.phone().equals(national)).findFirst();
    }

    synchronized void clear() {
        newestFirst.clear();
        expiries.clear();
        ends.clear();
    }
}
