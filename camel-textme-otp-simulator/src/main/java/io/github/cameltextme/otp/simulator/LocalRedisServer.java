package io.github.cameltextme.otp.simulator;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, with no persistence, started for a test and
 * stopped after it: for tests of send limits shared through Redis by several instances of a service, and of what
 * they do when Redis stalls ({@code DEBUG SLEEP}, enabled for loopback clients) or is killed and restarted. Where
 * redis-server is not installed the test is skipped with a printed reason, unless {@code TEXTME_REDIS_REQUIRED=true}
 * (set by {@code .ci/run}), which makes it fail instead.
 */
public final class LocalRedisServer implements AutoCloseable {

    private static final File REDIS_SERVER = new File("/usr/bin/redis-server");
    private static final long START_TIMEOUT_SECONDS = 20;
    /** What redis-server prints once it listens. */
    private static final String READY = "Ready to accept connections";

    private final int port;
    private final Path directory;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    private LocalRedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** Starts a server, or skips the calling test when none is installed and none is required. */
    public static LocalRedisServer start() throws IOException, InterruptedException {
        if (!REDIS_SERVER.canExecute()) {
            String missing = REDIS_SERVER + " is missing (apt-get install redis-server)";
            if (Boolean.parseBoolean(System.getenv("TEXTME_REDIS_REQUIRED"))) {
                throw new IllegalStateException("Redis test cannot run: " + missing + ", and the Redis tests are required");
            }
            String reason = "Redis test skipped: " + missing;
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        LocalRedisServer server = new LocalRedisServer(freePort(), Files.createTempDirectory("textme-redis"));
        server.launch();
        return server;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** The loopback port it listens on. */
    public int port() {
        return port;
    }

    /** Stops the server and waits for its process to end; its port then refuses connections. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Kills the server at once (SIGKILL), as a crash would: its clients see their connections drop. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    /** Starts a stopped or killed server again on the same port, empty: it keeps nothing across a restart. */
    public void restart() throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("redis-server is running on port " + port);
        }
        output.clear();
        launch();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        Files.deleteIfExists(directory);
    }

    /** Starts redis-server and waits until it says it accepts connections. */
    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(REDIS_SERVER.getPath(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                                     "--save", "", "--appendonly", "no", "--dir", directory.toString(),
                                     "--enable-debug-command", "local")
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(ready), "redis-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException("redis-server did not start on port " + port + ":\n"
                                            + String.join("\n", output), e);
        }
    }

    /** Keeps the server's output for a failure report; completes {@code ready} once it listens, or fails at its end. */
    private void readOutput(CompletableFuture<Void> ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.contains(READY)) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IllegalStateException("redis-server ended"));
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException(e));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
