package io.github.cameltextme.otp.simulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK HTTP server with a bounded pool of worker threads named after the port. A worker reads its request without a
 * timeout of its own, so each exchange gets a deadline: a worker still busy with one after the request timeout (a
 * client sending its request slowly, or not at all) is interrupted, which closes that connection's channel and frees
 * the worker. This holds for this server alone, unlike the JDK server's JVM-wide {@code sun.net.httpserver.maxReqTime}.
 */
final class SimulatorServer implements AutoCloseable {

    private static final int WORKER_THREADS = 8;
    private static final int BACKLOG = 256;
    /**
     * The JDK server leaves Nagle's algorithm on unless told otherwise, so each small answer waits for the client's
     * delayed ACK; it reads this property once, when its first server is created in the JVM.
     */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService deadlines;
    private final Duration requestTimeout;

    private SimulatorServer(HttpServer server, Duration requestTimeout) {
        this.server = server;
        this.requestTimeout = requestTimeout;
        String prefix = SimulatorThreads.namePrefix(port());
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, SimulatorThreads.daemons(prefix + "-worker"));
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, SimulatorThreads.daemons(prefix + "-deadline"));
        // a met deadline leaves the queue at once instead of after the timeout
        deadlines.setRemoveOnCancelPolicy(true);
        this.deadlines = deadlines;
    }

    /** Binds the address (port 0 picks a free port) without serving yet. */
    static SimulatorServer bind(InetSocketAddress address, Duration requestTimeout) throws IOException {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        return new SimulatorServer(HttpServer.create(address, BACKLOG), requestTimeout);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start(HttpHandler handler) {
        server.setExecutor(exchange -> workers.execute(() -> runWithDeadline(exchange)));
        server.createContext("/", handler);
        server.start();
    }

    private void runWithDeadline(Runnable exchange) {
        Deadline deadline = new Deadline(Thread.currentThread());
        ScheduledFuture<?> expiry = deadlines.schedule(deadline, requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            exchange.run();
        } finally {
            expiry.cancel(false);
            deadline.finish();
        }
    }

    /** Stops at once: open connections are closed, answers in progress are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        SimulatorThreads.shutDown(workers);
        SimulatorThreads.shutDown(deadlines);
    }

    /** Interrupts its worker unless the exchange finished first; the worker clears any interrupt when it finishes. */
    private static final class Deadline implements Runnable {

        private final Thread worker;
        private boolean finished;

        Deadline(Thread worker) {
            this.worker = worker;
        }

        @Override
        public synchronized void run() {
            if (!finished) {
                worker.interrupt();
            }
        }

        synchronized void finish() {
            finished = true;
            Thread.interrupted();
        }
    }
}
