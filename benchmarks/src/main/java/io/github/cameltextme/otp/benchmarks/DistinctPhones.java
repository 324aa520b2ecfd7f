package io.github.cameltextme.otp.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Israeli mobile numbers, each handed out once: national numbers 0500000000 to 0599999999, a distinct phone for each
 * of 100 million calls, so that a send with the limits on is never refused and creates its buckets each time.
 */
final class DistinctPhones {

    private static final int FIRST = 500_000_000;
    private static final int COUNT = 100_000_000;

    private final AtomicInteger next = new AtomicInteger();

    /** A phone not handed out before (until 100 million have been). */
    String next() {
        return "0" + (FIRST + Math.floorMod(next.getAndIncrement(), COUNT));
    }
}
