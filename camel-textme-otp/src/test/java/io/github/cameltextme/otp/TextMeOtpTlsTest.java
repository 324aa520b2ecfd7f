package io.github.cameltextme.otp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
 * TLS the Camel way, against a local HTTPS server whose self-signed certificate is made at test time with the JDK's
 * keytool: the JVM's default trust rejects it with a {@link TextMeOtpTransportException} before anything is sent, and
 * trusting it through sslContextParameters (endpoint, component, or the context's global parameters when the component
 * is told to use them) makes the call succeed.
 */
class TextMeOtpTlsTest {

    static final String STORE_PASSWORD = "changeit-tls";
    private static final String USERNAME = "leeroy";
    private static final String TOKEN = "tk-tls-5f0c1d2e";
    private static final String PHONE = "0521234567";
    private static final String SENT = "{\"status\":0,\"message\":\"sent\",\"shipment_id\":\"tls-1\"}";

    @TempDir
    static Path tempDir;

    private static Path keyStore;
    private static WireMockServer https;

    private CamelContext context;

    /**
     * A PKCS12 key store holding one self-signed RSA key pair for CN=localhost with these subject alternative names,
     * made with {@code ${java.home}/bin/keytool}; its store and key password is {@link #STORE_PASSWORD}.
     */
    static Path selfSignedKeyStore(Path dir, String name, String subjectAlternativeNames)
            throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new ArrayList<>(List.of(
                keytool, "-genkeypair", "-noprompt", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=" + subjectAlternativeNames,
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), () -> "keytool failed: " + output);
        assertTrue(Files.size(store) > 0, "key store written");
        return store;
    }

    /** SSLContextParameters trusting exactly the certificates of this PKCS12 store. */
    static SSLContextParameters trusting(Path store) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + store.toAbsolutePath());
        trustStore.setPassword(STORE_PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        return tls;
    }

    @BeforeAll
    static void startHttpsServer() throws Exception {
        keyStore = selfSignedKeyStore(tempDir, "textme-tls", "dns:localhost,ip:127.0.0.1");
        https = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(keyStore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(STORE_PASSWORD)
                .keyManagerPassword(STORE_PASSWORD));
        https.start();
    }

    @AfterAll
    static void stopHttpsServer() {
        if (https != null) {
            https.stop();
        }
    }

    @BeforeEach
    void answerEverySend() {
        https.resetAll();
        https.stubFor(post(urlPathEqualTo("/api")).willReturn(okJson(SENT)));
    }

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    /** https:// on 127.0.0.1, which the certificate names in its SAN (ip:127.0.0.1). */
    private static String baseUrl() {
        return "https://127.0.0.1:" + https.httpsPort() + "/api";
    }

    private ProducerTemplate start(Consumer<TextMeOtpComponent> setUp) throws Exception {
        context = new DefaultCamelContext();
        TextMeOtpComponent component = TextMeOtpTestSupport.componentFor(USERNAME, TOKEN, baseUrl());
        context.addComponent("textme-otp", component);
        setUp.accept(component);
        context.start();
        return context.createProducerTemplate();
    }

    private static List<LoggedRequest> requests() {
        return https.findAll(anyRequestedFor(anyUrl()));
    }

    private static void assertSentOverTls(Object body) {
        TextMeOtpResult result = assertInstanceOf(TextMeOtpResult.class, body);
        assertEquals(0, result.getStatus());
        assertEquals("tls-1", result.getShipmentId());
        List<LoggedRequest> requests = requests();
        assertEquals(1, requests.size(), "requests the HTTPS server received");
        assertEquals("Bearer " + TOKEN, requests.get(0).getHeader("Authorization"));
        assertEquals("https", requests.get(0).getScheme());
    }

    private static void assertRejectedBeforeSending(ProducerTemplate template, String uri) {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri, PHONE));
        TextMeOtpTransportException e = assertInstanceOf(TextMeOtpTransportException.class, thrown.getCause());
        assertInstanceOf(SSLHandshakeException.class, e.getCause(), "the TLS handshake failed");
        assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
        assertTrue(e.getMessage().contains("certification path"), "says the certificate is not trusted: "
                                                                  + e.getMessage());
        assertFalse(e.mayHaveReachedServer(), "nothing was sent: a retry is safe");
        assertEquals(0, e.getHttpStatus());
        assertEquals(0, requests().size(), "requests the HTTPS server received");
    }

    @Test
    void theJvmsDefaultTrustRejectsTheSelfSignedCertificateBeforeAnythingIsSent() throws Exception {
        ProducerTemplate template = start(component -> {
        });

        assertRejectedBeforeSending(template, "textme-otp:send");
    }

    @Test
    void sslContextParametersOnTheEndpointUriTrustIt() throws Exception {
        ProducerTemplate template = start(component -> component.getCamelContext().getRegistry()
                .bind("myTls", trusting(keyStore)));

        assertSentOverTls(template.requestBody("textme-otp:send?sslContextParameters=#myTls", PHONE));
    }

    @Test
    void sslContextParametersOfTheEndpointOnlyApplyToThatEndpoint() throws Exception {
        ProducerTemplate template = start(component -> component.getCamelContext().getRegistry()
                .bind("myTls", trusting(keyStore)));

        assertRejectedBeforeSending(template, "textme-otp:send?maxTries=4");
        assertSentOverTls(template.requestBody("textme-otp:send?sslContextParameters=#myTls", PHONE));
    }

    @Test
    void sslContextParametersOfTheComponentTrustIt() throws Exception {
        ProducerTemplate template = start(
                component -> component.getConfiguration().setSslContextParameters(trusting(keyStore)));

        assertSentOverTls(template.requestBody("textme-otp:send", PHONE));
    }

    @Test
    void theGlobalSslContextParametersTrustItWhenTheComponentUsesThem() throws Exception {
        ProducerTemplate template = start(component -> {
            component.getCamelContext().setSSLContextParameters(trusting(keyStore));
            component.setUseGlobalSslContextParameters(true);
        });

        assertSentOverTls(template.requestBody("textme-otp:send", PHONE));
    }

    @Test
    void theGlobalSslContextParametersAreIgnoredUnlessTheComponentUsesThem() throws Exception {
        ProducerTemplate template = start(component -> {
            component.getCamelContext().setSSLContextParameters(trusting(keyStore));
            component.setUseGlobalSslContextParameters(false);
        });

        assertRejectedBeforeSending(template, "textme-otp:send");
    }

    /** TLS parameters whose trust manager trusts no certificate at all. */
    private static SSLContextParameters distrustingAll() {
        TrustManagersParameters distrustAll = new TrustManagersParameters();
        distrustAll.setTrustManager(new DistrustingTrustManager());
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(distrustAll);
        return parameters;
    }

    @Test
    void theComponentsParametersWinOverTheGlobalOnes() throws Exception {
        // the global parameters trust no certificate at all: were they used, the handshake would fail
        SSLContextParameters global = distrustingAll();
        ProducerTemplate template = start(component -> {
            component.getCamelContext().setSSLContextParameters(global);
            component.setUseGlobalSslContextParameters(true);
            component.getConfiguration().setSslContextParameters(trusting(keyStore));
        });

        assertSentOverTls(template.requestBody("textme-otp:send", PHONE));
    }

    @Test
    void theGlobalParametersReallyAreTheOnesUsed() throws Exception {
        // the counterpart of the test above: the same distrusting global parameters, alone, make the call fail
        SSLContextParameters global = distrustingAll();
        ProducerTemplate template = start(component -> {
            component.getCamelContext().setSSLContextParameters(global);
            component.setUseGlobalSslContextParameters(true);
        });

        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("textme-otp:send", PHONE));
        TextMeOtpTransportException e = assertInstanceOf(TextMeOtpTransportException.class, thrown.getCause());
        assertTrue(e.getMessage().contains(DistrustingTrustManager.REASON), e.getMessage());
        assertFalse(e.mayHaveReachedServer());
        assertEquals(0, requests().size(), "requests the HTTPS server received");
    }

    /** Trusts no server at all. */
    private static final class DistrustingTrustManager implements X509TrustManager {

        static final String REASON = "distrusted by the test's global parameters";

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException(REASON);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException(REASON);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
