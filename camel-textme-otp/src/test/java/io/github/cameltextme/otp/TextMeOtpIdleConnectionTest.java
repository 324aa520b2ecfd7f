package io.github.cameltextme.otp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that closes idle keep-alive connections after 1 s, as many do: a call made just after it closed the pooled
 * connection goes out on a new connection instead of failing on the closed one.
 */
class TextMeOtpIdleConnectionTest {

    private static final int SERVER_IDLE_MILLIS = 1000;
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 29\r\n"
                                          + "\r\n{\"status\":0,\"message\":\"sent\"}").getBytes(StandardCharsets.US_ASCII);

    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final Semaphore idleCloses = new Semaphore(0);
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;
    private DefaultCamelContext context;

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serverThreads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    serverThreads.execute(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        if (context != null) {
            context.stop();
        }
        server.close();
        serverThreads.shutdownNow();
    }

    /** Answers requests on one connection until the client leaves it idle for 1 s, then closes it. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(SERVER_IDLE_MILLIS);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head;
                try {
                    head = readHead(in);
                } catch (SocketTimeoutException idle) {
                    socket.close();
                    idleCloses.release();
                    return;
                }
                if (head == null) {
                    return;
                }
                in.readNBytes(contentLength(head));
                out.write(ANSWER);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    @Test
    void aCallAfterTheServerClosedTheIdleConnectionGoesOutOnANewOne() throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("textme-otp", TextMeOtpTestSupport.componentFor(
                "leeroy", "tk-idle-1a2b3c", "http://127.0.0.1:" + server.getLocalPort() + "/api"));
        context.start();
        ProducerTemplate template = context.createProducerTemplate();

        for (int call = 0; call < 4; call++) {
            TextMeOtpResult result = template.requestBody("textme-otp:send", "052123456" + call, TextMeOtpResult.class);
            assertEquals(0, result.getStatus());
            assertTrue(idleCloses.tryAcquire(10, TimeUnit.SECONDS), "the server closes the idle connection");
        }
        assertEquals(4, connections.get(), "one connection per call, each closed by the server while idle");
    }
}
