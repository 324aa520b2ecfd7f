package io.github.cameltextme.otp.limit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one limit store answers, as its calls found it, shared by every endpoint that counts in it. After a call
 * failed, the store is known to be down: calls that need it fail at once instead of each waiting for its timeout, and
 * at most once every {@link #PROBE_INTERVAL_MILLIS} ms the first call to come asks the store again with a probe (a read
 * of the key that call needs, which writes nothing and which the store's access rules allow), waiting for it no longer
 * than that call would have waited; the first answer of a probe or a call brings the store back. The change each way
 * is logged once.
 */
final class StoreAvailability {

    /** How often a store known to be down is probed. */
    static final long PROBE_INTERVAL_MILLIS = 1_000;
    /** A probe with no answer after this long is given up, and the next one may start. */
    private static final long PROBE_GIVEN_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS);
    private static final long NO_PROBE = Long.MIN_VALUE;
    private static final Logger LOG = LoggerFactory.getLogger(StoreAvailability.class);

    private final ProxyManager<String> proxies;
    private final AsyncProxyManager<String> asyncProxies;
    private volatile boolean down;
    private volatile long downSinceNanos;
    private final AtomicLong nextProbeNanos = new AtomicLong();
    private final AtomicLong probeStartedNanos = new AtomicLong(NO_PROBE);

    StoreAvailability(ProxyManager<String> proxies) {
        this.proxies = proxies;
        this.asyncProxies = proxies.isAsyncModeSupported() ? proxies.asAsync() : null;
    }

    /** Whether the last call or probe found the store failing. */
    boolean isDown() {
        return down;
    }

    /** How long the store has been known to be down, in whole milliseconds. */
    long downForMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSinceNanos);
    }

    /** A call found the store failing, for this reason (which holds no key). */
    void failed(String problem) {
        nextProbeNanos.set(System.nanoTime() + PROBE_INTERVAL_NANOS);
        if (down) {
            return;
        }
        synchronized (this) {
            if (!down) {
                downSinceNanos = System.nanoTime();
                down = true;
                LOG.warn("The textme-otp limit store is unreachable ({}): until it answers again (probed every {} ms),"
                         + " the exchanges that need it are refused at once, or count in this JVM's memory where"
                         + " fallbackToMemory is on", problem, PROBE_INTERVAL_MILLIS);
            }
        }
    }

    /** A call or a probe had the store's answer. */
    void answered() {
        if (!down) {
            return;
        }
        synchronized (this) {
            if (down) {
                down = false;
                LOG.info("The textme-otp limit store answers again, after {} ms", downForMillis());
            }
        }
    }

    /**
     * While the store is known to be down, probes it when a probe is due and none is under way, waiting for its answer
     * until the deadline; a probe still unanswered then goes on in the background when the store has Bucket4j's
     * asynchronous API. Only the caller that starts a probe waits: the others are answered at once.
     *
     * @param  key      the key the caller needs, which the probe reads
     * @param  deadline the {@link System#nanoTime()} after which the caller waits no longer
     * @return          whether this call's own probe found the store back
     */
    boolean probeIfDue(String key, long deadline) {
        long now = System.nanoTime();
        long due = nextProbeNanos.get();
        if (now - due < 0 || !nextProbeNanos.compareAndSet(due, now + PROBE_INTERVAL_NANOS) || !startProbe(now)) {
            return false;
        }
        if (asyncProxies != null) {
            return awaitProbe(key, now, deadline);
        }
        boolean answered = false;
        try {
            proxies.getProxyConfiguration(key);
            answered = true;
        } catch (RuntimeException e) {
            LOG.debug("The textme-otp limit store did not answer a probe: {}", e.getClass().getName());
        } finally {
            probeEnded(now, answered);
        }
        return answered;
    }

    private boolean awaitProbe(String key, long started, long deadline) {
        CompletableFuture<?> probe;
        try {
            probe = asyncProxies.getProxyConfiguration(key);
        } catch (RuntimeException e) {
            probeEnded(started, false);
            return false;
        }
        probe.whenComplete((configuration, failure) -> probeEnded(started, failure == null));
        try {
            probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        probeEnded(started, true);
        return true;
    }

    /** Claims the probe, unless one started less than {@link #PROBE_GIVEN_UP_NANOS} ago is still under way. */
    private boolean startProbe(long now) {
        long started = probeStartedNanos.get();
        boolean underWay = started != NO_PROBE && now - started < PROBE_GIVEN_UP_NANOS;
        return !underWay && probeStartedNanos.compareAndSet(started, now);
    }

    private void probeEnded(long started, boolean answered) {
        probeStartedNanos.compareAndSet(started, NO_PROBE);
        if (answered) {
            answered();
        }
    }
}
