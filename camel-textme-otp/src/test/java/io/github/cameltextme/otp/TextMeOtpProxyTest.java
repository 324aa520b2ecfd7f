package io.github.cameltextme.otp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.net.ssl.SSLPeerUnverifiedException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxy options through camel-http's proxy support, against local forward proxies. The target host,
 * {@code textme.invalid}, cannot be resolved: a call that succeeds went through the proxy.
 * <ul>
 * <li>http:// target: WireMock with browser proxying is the proxy; it asks for Basic credentials (407) and forwards the
 * authorized request to a second WireMock playing TextMe.</li>
 * <li>https:// target: a small CONNECT proxy of this test, asking for Basic credentials on the CONNECT, tunnels to an
 * HTTPS WireMock whose self-signed certificate names textme.invalid and is trusted through sslContextParameters.</li>
 * </ul>
 */
class TextMeOtpProxyTest {

    private static final String USERNAME = "leeroy";
    private static final String TOKEN = "tk-proxy-9a8b7c6d";
    private static final String PHONE = "0521234567";
    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-pass-1";
    private static final String PROXY_AUTHORIZATION = basic(PROXY_USER, PROXY_PASSWORD);
    private static final String SENT = "{\"status\":0,\"message\":\"sent\",\"shipment_id\":\"via-proxy\"}";
    private static final String TARGET_HOST = "textme.invalid";

    @TempDir
    static Path tempDir;

    /** Plays TextMe behind the forward proxy (plain HTTP). */
    private static WireMockServer textMe;
    /** The forward proxy for http:// targets. */
    private static WireMockServer proxy;
    /** Plays TextMe at https://textme.invalid behind the CONNECT proxy. */
    private static WireMockServer textMeHttps;
    /** The forward proxy for https:// targets: CONNECT tunnels to textMeHttps. */
    private static ConnectProxy connectProxy;
    private static Path keyStore;

    private CamelContext context;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void startServers() throws Exception {
        textMe = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        textMe.start();
        proxy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .enableBrowserProxying(true));
        proxy.start();

        keyStore = TextMeOtpTlsTest.selfSignedKeyStore(tempDir, "textme-invalid", "dns:" + TARGET_HOST);
        textMeHttps = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(keyStore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(TextMeOtpTlsTest.STORE_PASSWORD)
                .keyManagerPassword(TextMeOtpTlsTest.STORE_PASSWORD));
        textMeHttps.start();
        connectProxy = new ConnectProxy(textMeHttps.httpsPort(), PROXY_AUTHORIZATION);
    }

    @AfterAll
    static void stopServers() throws IOException {
        if (connectProxy != null) {
            connectProxy.close();
        }
        for (WireMockServer server : new WireMockServer[] { textMe, proxy, textMeHttps }) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @BeforeEach
    void stubs() {
        textMe.resetAll();
        textMe.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson(SENT)));
        textMeHttps.resetAll();
        textMeHttps.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson(SENT)));

        proxy.resetAll();
        // authorized requests for textme.invalid are forwarded to the WireMock playing TextMe
        proxy.stubFor(any(anyUrl()).atPriority(1)
                .withHost(equalTo(TARGET_HOST))
                .withHeader("Proxy-Authorization", equalTo(PROXY_AUTHORIZATION))
                .willReturn(aResponse().proxiedFrom(textMe.baseUrl())));
        // everything else is asked for credentials
        proxy.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(aResponse().withStatus(407)
                        .withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
                        .withHeader("Content-Type", "text/plain")
                        .withBody("proxy authentication required")));
        connectProxy.reset();
    }

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    private ProducerTemplate start(Consumer<TextMeOtpComponent> setUp) throws Exception {
        context = new DefaultCamelContext();
        TextMeOtpComponent component = TextMeOtpTestSupport.componentFor(USERNAME, TOKEN, null);
        setUp.accept(component);
        context.addComponent("textme-otp", component);
        context.start();
        return context.createProducerTemplate();
    }

    /** http://textme.invalid through the WireMock proxy, with these proxy credentials (none when user is null). */
    private ProducerTemplate startPlainHttpViaProxy(String user, String password) throws Exception {
        return start(component -> plainHttpViaProxy(component.getConfiguration(), user, password));
    }

    private static void plainHttpViaProxy(TextMeOtpConfiguration configuration, String user, String password) {
        configuration.setBaseUrl("http://" + TARGET_HOST + "/api");
        configuration.setAllowInsecureHttp(true);
        configuration.setProxyHost("127.0.0.1");
        configuration.setProxyPort(proxy.port());
        configuration.setProxyAuthUsername(user);
        configuration.setProxyAuthPassword(password);
    }

    /** https://textme.invalid through the CONNECT proxy, trusting the target's certificate. */
    private ProducerTemplate startHttpsViaConnectProxy(String user, String password) throws Exception {
        return start(component -> {
            TextMeOtpConfiguration configuration = component.getConfiguration();
            configuration.setBaseUrl("https://" + TARGET_HOST + "/api");
            configuration.setSslContextParameters(TextMeOtpTlsTest.trusting(keyStore));
            configuration.setProxyHost("127.0.0.1");
            configuration.setProxyPort(connectProxy.port());
            configuration.setProxyAuthUsername(user);
            configuration.setProxyAuthPassword(password);
        });
    }

    private TextMeOtpEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, TextMeOtpEndpoint.class);
    }

    private static List<LoggedRequest> proxyRequests() {
        return proxy.findAll(anyRequestedFor(anyUrl()));
    }

    private static TextMeOtpTransportException failure(ProducerTemplate template, String uri) {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri, PHONE));
        return assertInstanceOf(TextMeOtpTransportException.class, thrown.getCause());
    }

    private static void assertTheAnswerOfTextMe(Object body) {
        TextMeOtpResult result = assertInstanceOf(TextMeOtpResult.class, body);
        assertEquals(0, result.getStatus());
        assertEquals("via-proxy", result.getShipmentId());
    }

    private static void assertReachedTextMeOnce(WireMockServer server) {
        List<LoggedRequest> received = server.findAll(anyRequestedFor(anyUrl()));
        assertEquals(1, received.size(), "requests TextMe received");
        LoggedRequest request = received.get(0);
        assertEquals("/api", request.getUrl());
        assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"), "the API token reached TextMe");
        assertTrue(matchingJsonPath("$.send_otp.phone", equalTo(PHONE)).match(request.getBodyAsString())
                .isExactMatch(), request.getBodyAsString());
    }

    // ---- http:// target through a forward proxy

    @Test
    void plainHttpGoesThroughTheProxyWithItsCredentials() throws Exception {
        ProducerTemplate template = startPlainHttpViaProxy(PROXY_USER, PROXY_PASSWORD);

        assertTheAnswerOfTextMe(template.requestBody("textme-otp:send", PHONE));

        List<LoggedRequest> seen = proxyRequests();
        assertTrue(seen.size() <= 2, "the proxy saw at most the challenged request and the authorized one: " + seen);
        LoggedRequest authorized = seen.get(seen.size() - 1);
        assertTrue(authorized.isBrowserProxyRequest(), "a forward-proxy request (absolute URI)");
        assertEquals("http://" + TARGET_HOST + "/api", authorized.getAbsoluteUrl());
        assertEquals(TARGET_HOST, authorized.getHost());
        assertEquals(PROXY_AUTHORIZATION, authorized.getHeader("Proxy-Authorization"));
        assertEquals("Bearer " + TOKEN, authorized.getHeader("Authorization"));
        assertEquals(1, seen.stream().filter(r -> r.containsHeader("Proxy-Authorization")).count(),
                     "one authorized request: nothing was sent to TextMe twice");
        assertReachedTextMeOnce(textMe);
        assertEquals(1, endpoint("textme-otp:send").getSentCount());
    }

    /** camel-http would put proxy credentials in its endpoint URI and log it; they go on the client builder instead. */
    @Test
    void theProxyPasswordAppearsInNoLogLineAndNoUri() throws Exception {
        List<String> lines;
        String endpointUri;
        try (CapturedLogs logs = CapturedLogs.atTrace()) {
            ProducerTemplate template = startPlainHttpViaProxy(PROXY_USER, PROXY_PASSWORD);
            assertTheAnswerOfTextMe(template.requestBody("textme-otp:send", PHONE));
            endpointUri = endpoint("textme-otp:send").getHttpEndpoint().getEndpointUri();
            context.stop();
            lines = logs.lines();
        }
        String basic = PROXY_AUTHORIZATION.substring("Basic ".length());
        List<String> leaks = lines.stream()
                .filter(line -> !line.contains("org.apache.hc.client5.http.wire")
                                && !line.contains("org.apache.hc.client5.http.headers"))
                .filter(line -> line.contains(PROXY_PASSWORD) || line.contains(basic))
                .toList();
        assertTrue(leaks.isEmpty(), "log lines holding the proxy password: " + leaks);
        assertFalse(lines.isEmpty(), "the logs were captured");
        assertFalse(endpointUri.contains(PROXY_PASSWORD), endpointUri);
    }

    /** A blank proxy host (an unset placeholder, say) means no proxy, in the checks and in the client alike. */
    @Test
    void aBlankProxyHostMeansNoProxy() throws Exception {
        ProducerTemplate template = start(component -> {
            component.getConfiguration().setBaseUrl(textMe.baseUrl() + "/api");
            component.getConfiguration().setProxyHost(" ");
        });

        assertTheAnswerOfTextMe(template.requestBody("textme-otp:send", PHONE));

        assertEquals(0, proxyRequests().size(), "requests the proxy saw");
        assertReachedTextMeOnce(textMe);
    }

    @Test
    void validateGoesThroughTheProxyToo() throws Exception {
        textMe.stubFor(post(urlPathEqualTo("/api")).withRequestBody(matchingJsonPath("$.validate_otp"))
                .willReturn(okJson("{\"status\":0,\"message\":\"ok\"}")));
        ProducerTemplate template = startPlainHttpViaProxy(PROXY_USER, PROXY_PASSWORD);

        Object body = template.requestBodyAndHeader("textme-otp:validate", "042137", TextMeOtpConstants.PHONE, PHONE);

        assertEquals(Boolean.TRUE, assertInstanceOf(TextMeOtpResult.class, body).getValid());
        assertEquals(1, textMe.findAll(anyRequestedFor(anyUrl())).size(), "requests TextMe received");
    }

    @Test
    void wrongProxyCredentialsFailWithHttp407AfterABoundedNumberOfRequests() throws Exception {
        ProducerTemplate template = startPlainHttpViaProxy(PROXY_USER, "not-the-password");

        TextMeOtpTransportException e = failure(template, "textme-otp:send");

        assertEquals(407, e.getHttpStatus());
        assertTrue(e.getMessage().contains("HTTP 407"), e.getMessage());
        List<LoggedRequest> seen = proxyRequests();
        assertTrue(seen.size() >= 1 && seen.size() <= 2, "requests the proxy saw: " + seen.size());
        assertEquals(basic(PROXY_USER, "not-the-password"), seen.get(seen.size() - 1).getHeader("Proxy-Authorization"),
                     "the configured credentials were offered");
        assertEquals(0, textMe.findAll(anyRequestedFor(anyUrl())).size(), "requests TextMe received");
        assertEquals(0, endpoint("textme-otp:send").getConnectionsLeased(), "connections left leased");
    }

    @Test
    void missingProxyCredentialsFailWithHttp407AfterOneRequest() throws Exception {
        ProducerTemplate template = startPlainHttpViaProxy(null, null);

        TextMeOtpTransportException e = failure(template, "textme-otp:send");

        assertEquals(407, e.getHttpStatus());
        List<LoggedRequest> seen = proxyRequests();
        assertEquals(1, seen.size(), "requests the proxy saw");
        assertFalse(seen.get(0).containsHeader("Proxy-Authorization"));
        assertEquals(TARGET_HOST, seen.get(0).getHost());
        assertEquals(0, textMe.findAll(anyRequestedFor(anyUrl())).size(), "requests TextMe received");
        assertEquals(0, endpoint("textme-otp:send").getConnectionsLeased(), "connections left leased");
    }

    @Test
    void repeatedProxyFailuresLeakNoConnection() throws Exception {
        ProducerTemplate template = start(component -> {
            plainHttpViaProxy(component.getConfiguration(), PROXY_USER, "wrong");
            component.getConfiguration().setConnectTimeout(1_000);
            component.setMaxConnections(1);
            // the proxy's 407 may be TextMe's answer for all the client knows: the limits would keep its place
            component.getConfiguration().setLimitsEnabled(false);
        });

        for (int i = 0; i < 5; i++) {
            // with a pool of one, a leaked lease would make the next call time out waiting for it instead
            assertEquals(407, failure(template, "textme-otp:send?maxTries=4").getHttpStatus(), "call " + i);
        }
        assertEquals(0, endpoint("textme-otp:send?maxTries=4").getConnectionsLeased());
    }

    // ---- https:// target through a CONNECT tunnel

    @Test
    void httpsGoesThroughAConnectTunnelWithTheProxyCredentials() throws Exception {
        ProducerTemplate template = startHttpsViaConnectProxy(PROXY_USER, PROXY_PASSWORD);

        assertTheAnswerOfTextMe(template.requestBody("textme-otp:send", PHONE));

        List<ConnectProxy.Request> seen = connectProxy.requests();
        assertTrue(seen.size() <= 2, "the proxy saw at most the challenged CONNECT and the authorized one: " + seen);
        ConnectProxy.Request tunnel = seen.get(seen.size() - 1);
        assertEquals("CONNECT " + TARGET_HOST + ":443 HTTP/1.1", tunnel.requestLine());
        assertEquals(PROXY_AUTHORIZATION, tunnel.proxyAuthorization());
        assertEquals(1, connectProxy.tunnels(), "tunnels opened");
        assertReachedTextMeOnce(textMeHttps);
        LoggedRequest request = textMeHttps.findAll(anyRequestedFor(anyUrl())).get(0);
        assertEquals(TARGET_HOST, request.getHost(), "the request inside the tunnel is for textme.invalid");
        assertEquals("https", request.getScheme());
        assertFalse(request.containsHeader("Proxy-Authorization"), "the proxy credentials stay on the CONNECT");
    }

    @Test
    void wrongCredentialsOnTheConnectFailWithHttp407AndNothingReachesTextMe() throws Exception {
        ProducerTemplate template = startHttpsViaConnectProxy(PROXY_USER, "not-the-password");

        TextMeOtpTransportException e = failure(template, "textme-otp:send");

        assertEquals(407, e.getHttpStatus(), e.getMessage());
        List<ConnectProxy.Request> seen = connectProxy.requests();
        assertTrue(seen.size() >= 1 && seen.size() <= 2, "CONNECTs the proxy saw: " + seen);
        assertEquals(0, connectProxy.tunnels(), "tunnels opened");
        assertEquals(0, textMeHttps.findAll(anyRequestedFor(anyUrl())).size(), "requests TextMe received");
        assertEquals(0, endpoint("textme-otp:send").getConnectionsLeased(), "connections left leased");
    }

    @Test
    void trustingTheCertificateDoesNotSwitchOffHostnameVerification() throws Exception {
        // the CONNECT proxy tunnels any host to the server whose certificate names textme.invalid only
        ProducerTemplate template = startHttpsViaConnectProxy(PROXY_USER, PROXY_PASSWORD);

        TextMeOtpTransportException e = failure(template, "textme-otp:send?baseUrl=https://other.invalid/api");

        assertInstanceOf(SSLPeerUnverifiedException.class, e.getCause(), e.getMessage());
        assertTrue(e.getMessage().contains("other.invalid"), e.getMessage());
        assertFalse(e.mayHaveReachedServer(), "the TLS handshake failed: nothing was sent");
        assertEquals("CONNECT other.invalid:443 HTTP/1.1", connectProxy.requests()
                .get(connectProxy.requests().size() - 1).requestLine());
        assertEquals(0, textMeHttps.findAll(anyRequestedFor(anyUrl())).size(), "requests TextMe received");
    }

    @Test
    void aRefusedTunnelSaysTheRequestNeverReachedTextMe() throws Exception {
        // mayHaveReachedServer() is documented false when "the proxy tunnel was never made": a retry is then safe
        ProducerTemplate template = startHttpsViaConnectProxy(null, null);

        TextMeOtpTransportException e = failure(template, "textme-otp:send");

        assertEquals(1, connectProxy.requests().size(), "CONNECTs the proxy saw");
        assertEquals(0, connectProxy.tunnels(), "tunnels opened");
        assertEquals(0, textMeHttps.findAll(anyRequestedFor(anyUrl())).size(), "requests TextMe received");
        assertFalse(e.mayHaveReachedServer(), "the tunnel was refused (HTTP " + e.getHttpStatus() + "), so the"
                                              + " request cannot have reached TextMe: " + e.getMessage());
    }

    /**
     * A minimal HTTP forward proxy that only does CONNECT: it asks for the expected {@code Proxy-Authorization} with a
     * 407 (keeping the connection open for the retry), then opens a tunnel to 127.0.0.1:targetPort, whatever host the
     * CONNECT names. It records every request head it reads.
     */
    static final class ConnectProxy implements Closeable {

        record Request(String requestLine, String proxyAuthorization) {
        }

        private final ServerSocket server;
        private final int targetPort;
        private final String expectedAuthorization;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final AtomicInteger tunnels = new AtomicInteger();

        ConnectProxy(int targetPort, String expectedAuthorization) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.targetPort = targetPort;
            this.expectedAuthorization = expectedAuthorization;
            start("connect-proxy-acceptor", this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        List<Request> requests() {
            return new ArrayList<>(requests);
        }

        int tunnels() {
            return tunnels.get();
        }

        void reset() {
            requests.clear();
            tunnels.set(0);
        }

        private void start(String name, Runnable task) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    sockets.add(client);
                    start("connect-proxy-client", () -> serve(client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void serve(Socket client) {
            try (client) {
                InputStream in = new BufferedInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream();
                while (true) {
                    List<String> head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    String authorization = header(head, "proxy-authorization");
                    requests.add(new Request(head.get(0), authorization));
                    if (!head.get(0).startsWith("CONNECT ")) {
                        respond(out, "405 Method Not Allowed", "", "only CONNECT");
                        return;
                    }
                    if (!expectedAuthorization.equals(authorization)) {
                        respond(out, "407 Proxy Authentication Required",
                                "Proxy-Authenticate: Basic realm=\"proxy\"\r\n", "proxy authentication required");
                        continue;
                    }
                    tunnel(client, in, out);
                    return;
                }
            } catch (IOException e) {
                // the client or the proxy closed the connection
            }
        }

        private void tunnel(Socket client, InputStream in, OutputStream out) throws IOException {
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                sockets.add(upstream);
                tunnels.incrementAndGet();
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                start("connect-proxy-pump", () -> {
                    try {
                        upstream.getInputStream().transferTo(out);
                    } catch (IOException e) {
                        // closed
                    } finally {
                        closeQuietly(client);
                    }
                });
                try {
                    in.transferTo(upstream.getOutputStream());
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private static void respond(OutputStream out, String status, String headers, String body) throws IOException {
            byte[] content = body.getBytes(StandardCharsets.US_ASCII);
            out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Type: text/plain\r\nContent-Length: "
                       + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
        }

        /** The lines of one request head, or null at the end of the stream. */
        private static List<String> readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) != -1) {
                head.write(b);
                matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
                if (head.size() > 16 * 1024) {
                    throw new IOException("request head too large");
                }
            }
            if (matched < 4) {
                return null;
            }
            String text = head.toString(StandardCharsets.US_ASCII);
            return List.of(text.substring(0, text.length() - 4).split("\r\n"));
        }

        private static String header(List<String> head, String lowerCaseName) {
            for (String line : head.subList(1, head.size())) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            sockets.forEach(ConnectProxy::closeQuietly);
            for (Thread thread : threads) {
                try {
                    thread.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
