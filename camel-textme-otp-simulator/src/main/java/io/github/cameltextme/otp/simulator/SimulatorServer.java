package io.github.cameltextme.otp.simulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK HTTP server with a bounded pool of worker threads named after the port. */
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

    private SimulatorServer(HttpServer server) {
        this.server = server;
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, SimulatorThreads.daemons(SimulatorThreads.namePrefix(port()) + "-worker"));
    }

    /** Binds the address (port 0 picks a free port) without serving yet. */
    static SimulatorServer bind(InetSocketAddress address) throws IOException {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        return new SimulatorServer(HttpServer.create(address, BACKLOG));
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start(HttpHandler handler) {
        server.setExecutor(workers);
        server.createContext("/", handler);
        server.start();
    }

    /** Stops at once: open connections are closed, answers in progress are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        SimulatorThreads.shutDown(workers);
    }
}
