package io.github.cameltextme.otp.limit;

import java.util.ArrayList;
import java.util.List;

import io.github.cameltextme.otp.TextMeOtpLimit;
import io.github.cameltextme.otp.TextMeOtpLimitStoreException;
import io.github.cameltextme.otp.TextMeOtpOperation;

/**
 * The places one exchange took in the limits. The exchange keeps them when its SMS may have gone out (or its code was
 * tried), and gives them back when it certainly did not.
 */
public final class Reservation {

    private static final Reservation NONE = new Reservation(null, 0, false);

    private final TextMeOtpOperation operation;
    private final long deadline;
    private final boolean countedInMemory;
    private final List<Place> places = new ArrayList<>(4);

    /**
     * A reservation whose places are all taken, and given back on a refusal, before the deadline.
     *
     * @param countedInMemory whether its places are in this JVM's memory because the shared store is unreachable
     */
    Reservation(TextMeOtpOperation operation, long deadline, boolean countedInMemory) {
        this.operation = operation;
        this.deadline = deadline;
        this.countedInMemory = countedInMemory;
    }

    /** The reservation of an exchange that no limit counts: giving back and clearing do nothing. */
    public static Reservation none() {
        return NONE;
    }

    /** Whether the places are counted in this JVM's memory because the shared store was unreachable. */
    public boolean countedInMemory() {
        return countedInMemory;
    }

    TextMeOtpOperation operation() {
        return operation;
    }

    /** When the calls that take the places must be done by, as {@link System#nanoTime()}. */
    long deadline() {
        return deadline;
    }

    void add(LimitStore store, String key, LimitRule rule) {
        places.add(new Counted(store, key, rule));
    }

    void addCodeSent(LimitStore store, String key, SentCodeRecord record) {
        places.add(new CodeSent(store, key, record));
    }

    /**
     * Gives every place back, as if the exchange had never been counted, because of this failure, which it returns; a
     * store failure on the way is kept with it as suppressed (the other places are still given back). The places are
     * given back once: a second call gives back nothing.
     */
    public <E extends RuntimeException> E givenBackAfter(E failure) {
        return places.isEmpty() ? failure : givenBackAfter(failure, places.get(0).store().deadlineFromNow());
    }

    /** As {@link #givenBackAfter(RuntimeException)}, the store calls sharing the deadline. */
    <E extends RuntimeException> E givenBackAfter(E failure, long callsDeadline) {
        for (Place place : places) {
            try {
                place.giveBack(operation, callsDeadline);
            } catch (TextMeOtpLimitStoreException e) {
                failure.addSuppressed(e);
            } catch (StoreUnreachableException e) {
                failure.addSuppressed(e.toLimitStoreException(operation));
            }
        }
        places.clear();
        return failure;
    }

    /**
     * Empties the count of wrong codes this exchange took a place in: a valid code clears it.
     *
     * @throws TextMeOtpLimitStoreException when the store failed
     */
    public void clearWrongCodes() {
        for (Place place : places) {
            if (place instanceof Counted counted
                && counted.rule().limits().contains(TextMeOtpLimit.FAILED_VALIDATIONS)) {
                try {
                    place.store().clear(operation, place.key(), place.store().deadlineFromNow());
                } catch (StoreUnreachableException e) {
                    throw e.toLimitStoreException(operation);
                }
            }
        }
    }

    /** A place the exchange took, which it can give back. */
    private sealed interface Place {

        LimitStore store();

        String key();

        void giveBack(TextMeOtpOperation operation, long deadline);
    }

    /** A place in the counts of a rule. */
    private record Counted(LimitStore store, String key, LimitRule rule) implements Place {

        @Override
        public void giveBack(TextMeOtpOperation operation, long deadline) {
            store.giveBack(operation, key, rule.bucket(), deadline);
        }
    }

    /** The record of the code this send sent. */
    private record CodeSent(LimitStore store, String key, SentCodeRecord record) implements Place {

        @Override
        public void giveBack(TextMeOtpOperation operation, long deadline) {
            store.forgetCodeSent(operation, key, record, deadline);
        }
    }
}
