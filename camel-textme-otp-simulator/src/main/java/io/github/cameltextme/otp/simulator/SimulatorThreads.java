package io.github.cameltextme.otp.simulator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The simulator's threads: named daemon threads (they never keep a JVM alive), stopped promptly. */
final class SimulatorThreads {

    private static final long TERMINATION_WAIT_SECONDS = 2;

    private SimulatorThreads() {
    }

    /** The prefix of the names of all threads of the simulator on {@code port}. */
    static String namePrefix(int port) {
        return "textme-simulator-" + port;
    }

    static ThreadFactory daemons(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, namePrefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Interrupts the executor's tasks and waits briefly until its threads are gone. */
    static void shutDown(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(TERMINATION_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
