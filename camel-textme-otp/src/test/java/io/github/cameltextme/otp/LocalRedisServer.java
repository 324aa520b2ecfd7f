package io.github.cameltextme.otp;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, with no persistence, started for a test and
 * stopped after it. Where redis-server is not installed the test is skipped with a printed reason, unless
 * {@code TEXTME_REDIS_REQUIRED=true} (set by {@code .ci/run}), which makes it fail instead.
 */
public final class LocalRedisServer implements AutoCloseable {

    private static final File REDIS_SERVER = new File("/usr/bin/redis-server");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final Path directory;
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

    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(REDIS_SERVER.getPath(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                                     "--save", "", "--appendonly", "no", "--dir", directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.readString(directory.resolve("redis.log"));
                stop();
                throw new IllegalStateException("redis-server did not start on port " + port + ":\n" + log);
            }
            // polls the new server's port: each failed connect returns at once, so pace the loop
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(answer, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
