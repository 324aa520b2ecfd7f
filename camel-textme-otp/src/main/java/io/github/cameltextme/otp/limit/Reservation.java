package io.github.cameltextme.otp.limit;

import java.util.ArrayList;
import java.util.List;

import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpOperation;

/**
 * The places one exchange took in the limits. The exchange keeps them when its SMS may have gone out (or its wrong
 * code was counted), and gives them back when it certainly did not.
 */
public final class Reservation {

    private static final Reservation NONE = new Reservation(null, null, 0, List.of());

    private final LimitStore store;
    private final TextMeOtpOperation operation;
    private final long deadline;
    private final List<Place> places;

    /** A reservation whose places are all taken, and given back on a refusal, before the store's deadline. */
    Reservation(LimitStore store, TextMeOtpOperation operation) {
        this(store, operation, store.deadlineFromNow(), new ArrayList<>(2));
    }

    private Reservation(LimitStore store, TextMeOtpOperation operation, long deadline, List<Place> places) {
        this.store = store;
        this.operation = operation;
        this.deadline = deadline;
        this.places = places;
    }

    /** The reservation of an exchange that no limit counts: giving back and clearing do nothing. */
    public static Reservation none() {
        return NONE;
    }

    TextMeOtpOperation operation() {
        return operation;
    }

    /** When the calls that take the places must be done by, as {@link System#nanoTime()}. */
    long deadline() {
        return deadline;
    }

    void add(String key, LimitRule rule) {
        places.add(new Place(key, rule));
    }

    /**
     * Gives every place back, as if the exchange had never been counted, because of this failure, which it returns; a
     * store failure on the way is kept with it as suppressed (the other places are still given back).
     */
    public <E extends RuntimeException> E givenBackAfter(E failure) {
        return places.isEmpty() ? failure : givenBackAfter(failure, store.deadlineFromNow());
    }

    /** As {@link #givenBackAfter(RuntimeException)}, the store calls sharing the deadline. */
    <E extends RuntimeException> E givenBackAfter(E failure, long callsDeadline) {
        for (Place place : places) {
            try {
                store.giveBack(operation, place.key(), place.rule().bucket(), callsDeadline);
            } catch (TextMeOtpLimitStoreException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    /**
     * Empties the counts this exchange took a place in (a valid code clears the count of wrong codes).
     *
     * @throws TextMeOtpLimitStoreException when the store failed
     */
    public void clearCounts() {
        long callsDeadline = places.isEmpty() ? 0 : store.deadlineFromNow();
        for (Place place : places) {
            store.clear(operation, place.key(), callsDeadline);
        }
    }

    private record Place(String key, LimitRule rule) {
    }
}
