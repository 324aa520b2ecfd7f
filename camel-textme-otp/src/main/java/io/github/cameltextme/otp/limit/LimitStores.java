package io.github.cameltextme.otp.limit;

import java.util.concurrent.atomic.LongAdder;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the endpoints of one component count their limits. With a shared store (the {@code limitStore} option, e.g.
 * Redis) every count lives there, and endpoints with {@code fallbackToMemory} count in this JVM's memory while it is
 * unreachable. Without one, the counts live in memory: one {@link InMemoryLimitStore} for the counts of sends and
 * wrong codes, and one of its own for the validates counted per client, so that validates from many addresses can
 * never fill the store that sends need; when that one is full, validates from new client keys go on without a client
 * count (warned once, counted in {@link #clientValidationsUncounted()}), while each phone's wrong codes still count.
 */
public final class LimitStores {

    private static final Logger LOG = LoggerFactory.getLogger(LimitStores.class);

    private final ProxyManager<String> shared;
    private final StoreAvailability sharedAvailability;
    private final InMemoryLimitStore inMemory;
    private final InMemoryLimitStore inMemoryClientValidations;
    private final StoreAvailability inMemoryAvailability;
    private final StoreAvailability inMemoryClientValidationsAvailability;
    private final LongAdder placesGivenBackLate = new LongAdder();
    private final LongAdder clientValidationsUncounted = new LongAdder();
    private volatile boolean warnedClientValidationsFull;

    /**
     * @param shared                    the shared store, or {@code null} to count in memory only
     * @param inMemory                  the counts of sends and wrong codes in memory
     * @param inMemoryClientValidations the counts of validates per client in memory
     */
    public LimitStores(ProxyManager<String> shared, InMemoryLimitStore inMemory,
                       InMemoryLimitStore inMemoryClientValidations) {
        this.shared = shared;
        this.sharedAvailability = shared != null ? new StoreAvailability(shared) : null;
        this.inMemory = inMemory;
        this.inMemoryClientValidations = inMemoryClientValidations;
        this.inMemoryAvailability = new StoreAvailability(inMemory);
        this.inMemoryClientValidationsAvailability = new StoreAvailability(inMemoryClientValidations);
    }

    /** The shared store these counts are for, or {@code null} when they live in memory. */
    public ProxyManager<String> shared() {
        return shared;
    }

    /** Whether the shared store is known to be unreachable. */
    public boolean isSharedStoreDown() {
        return sharedAvailability != null && sharedAvailability.isDown();
    }

    /**
     * Places taken by a store after the exchange had given up waiting for it (a stall, or commands its client replayed
     * on reconnecting), and given back since.
     */
    public long placesGivenBackLate() {
        return placesGivenBackLate.sum();
    }

    /** Validates let through without a client count because the in-memory store of those counts was full. */
    public long clientValidationsUncounted() {
        return clientValidationsUncounted.sum();
    }

    /** A validate went on without a client count: the in-memory store of those counts is full. */
    void clientValidationUncounted() {
        clientValidationsUncounted.increment();
        if (!warnedClientValidationsFull) {
            warnedClientValidationsFull = true;
            LOG.warn("The textme-otp store of validates per client in this JVM's memory is full ({} keys): validates"
                     + " from new client keys are not counted by clientValidationLimit until keys leave it; the"
                     + " wrong codes of each phone still count", inMemoryClientValidations.maxKeys());
        }
    }

    /** Where an endpoint whose calls wait up to {@code timeoutMillis} counts: the shared store, else memory. */
    Targets primary(long timeoutMillis) {
        return shared != null
                ? new Targets(new LimitStore(shared, sharedAvailability, timeoutMillis, placesGivenBackLate),
                              new LimitStore(shared, sharedAvailability, timeoutMillis, placesGivenBackLate), false)
                : inMemory(timeoutMillis, false);
    }

    /** Where such an endpoint counts while the shared store is unreachable; {@code null} when there is none. */
    Targets fallback(long timeoutMillis) {
        return shared != null ? inMemory(timeoutMillis, true) : null;
    }

    private Targets inMemory(long timeoutMillis, boolean fallback) {
        return new Targets(new LimitStore(inMemory, inMemoryAvailability, timeoutMillis, placesGivenBackLate),
                           new LimitStore(inMemoryClientValidations, inMemoryClientValidationsAvailability,
                                          timeoutMillis, placesGivenBackLate),
                           fallback);
    }

    /**
     * The stores of one endpoint's counts.
     *
     * @param counts            the counts of sends and wrong codes, and the records of codes sent
     * @param clientValidations the counts of validates per client
     * @param fallback          whether these are in memory because the shared store is unreachable
     */
    record Targets(LimitStore counts, LimitStore clientValidations, boolean fallback) {
    }
}
