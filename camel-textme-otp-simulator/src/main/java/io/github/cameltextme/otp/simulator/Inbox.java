package io.github.cameltextme.otp.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The newest SMS the simulator delivered, newest first; the oldest is forgotten once the inbox is full. Ids grow with
 * every message and are never reused. Each message keeps when its code expires and whether a validate used it.
 */
final class Inbox {

    private final Deque<SmsMessage> newestFirst = new ArrayDeque<>();
    private final Map<Long, Instant> expiries = new HashMap<>();
    private final Set<Long> used = new HashSet<>();
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
            used.remove(forgotten);
        }
        SmsMessage message = new SmsMessage(++lastId, phone.national(), source, appId, text, code, sentAt);
        newestFirst.addFirst(message);
        expiries.put(message.id(), expiresAt);
        return message.id();
    }

    /** Marks the code of the SMS with this id used; nothing when the inbox no longer holds it. */
    synchronized void markUsed(long messageId) {
        if (expiries.containsKey(messageId)) {
            used.add(messageId);
        }
    }

    synchronized List<SmsMessage> messages() {
        return List.copyOf(newestFirst);
    }

    /** The newest {@code limit} messages, newest first, and how many the inbox holds. */
    synchronized Page newest(int limit) {
        List<Delivery> deliveries = newestFirst.stream()
                .limit(limit)
                .map(message -> new Delivery(message, expiries.get(message.id()), used.contains(message.id())))
                .toList();
        return new Page(deliveries, newestFirst.size());
    }

    record Page(List<Delivery> deliveries, int total) {
    }

    /** A delivered SMS, when its code expires, and whether a validate used it. */
    record Delivery(SmsMessage message, Instant expiresAt, boolean used) {

        /** {@code used}, {@code expired} (at {@code now}) or {@code unused}. */
        String state(Instant now) {
            if (used) {
                return "used";
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
        used.clear();
    }
}
