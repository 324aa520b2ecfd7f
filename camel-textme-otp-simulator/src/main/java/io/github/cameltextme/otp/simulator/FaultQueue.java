package io.github.cameltextme.otp.simulator;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Faults waiting for the next API requests; each request takes at most one, first queued first. */
final class FaultQueue {

    private final Queue<Fault> pending = new ConcurrentLinkedQueue<>();

    void add(Fault fault, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        for (int i = 0; i < count; i++) {
            pending.add(fault);
        }
    }

    Optional<Fault> next() {
        return Optional.ofNullable(pending.poll());
    }

    int size() {
        return pending.size();
    }

    void clear() {
        pending.clear();
    }
}
