package io.github.cameltextme.otp;

import java.util.Map;

import javax.net.ssl.SSLContext;

import io.github.cameltextme.otp.client.TextMeOtpApiClient;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.IOHelper;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP side of a component: builds each endpoint's HttpClient through a private camel-http component, on one
 * bounded connection pool the endpoints share (or on a pool of its own for an endpoint with its own TLS settings), and
 * closes the shared pool when the component stops; endpoints that stayed started move to the next pool when it starts
 * again.
 * <p>
 * The private camel-http component leaves the user's own http/https components unused and unchanged. On top of
 * camel-http's defaults: no automatic retries (a repeated send_otp can send a second SMS and a repeated validate_otp
 * spends a try), no redirects (they would carry the token elsewhere) and no cookies.
 */
final class TextMeOtpHttpTransport {

    /** The User-Agent of every request to TextMe. */
    private static final String USER_AGENT = "camel-textme-otp";

    /** Bounds the status line and headers of an answer, as the client bounds its body: no endless headers. */
    private static final Http1Config ANSWER_HEAD_LIMITS = Http1Config.custom()
            .setMaxLineLength(8 * 1024).setMaxHeaderCount(100).build();

    /**
     * A pooled connection idle this long is checked before reuse: a server that closed it meanwhile (many close idle
     * connections after 1 to 5 s) costs a new connection, not a failed call that may have reached TextMe. HttpClient's
     * own default, 2 s, is later than such servers close.
     */
    static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofMilliseconds(500);

    /**
     * The longest a connection is kept idle for reuse, shorter than the 5 s keep-alive of common servers and proxies,
     * so that a connection is not reused just as the server closes it; the pool closes it at the next lease instead.
     * HttpClient's idle evictor would do the same on a thread of its own per client, and does not run on a pool shared
     * by several clients, as the endpoints' pool is.
     */
    static final TimeValue MAX_IDLE = TimeValue.ofSeconds(4);

    private static final ConnectionConfig CONNECTIONS = ConnectionConfig.custom()
            .setValidateAfterInactivity(VALIDATE_AFTER_IDLE).build();

    private final HttpComponent httpComponent = newHttpComponent();
    private HttpClientConnectionManager sharedPool;
    private boolean stopped;
    private volatile int generation;

    void setCamelContext(CamelContext context) {
        httpComponent.setCamelContext(context);
    }

    /** Starts the transport; each start begins a new generation of the shared pool. */
    synchronized void start() {
        stopped = false;
        generation++;
        ServiceHelper.startService(httpComponent);
    }

    /** Closes the shared pool; endpoints can start again only after {@link #start()}. */
    synchronized void stop() {
        stopped = true;
        httpComponent.setClientConnectionManager(null);
        IOHelper.close(sharedPool);
        sharedPool = null;
        ServiceHelper.stopService(httpComponent);
    }

    /**
     * A camel-http endpoint whose HttpClient carries the calls of one endpoint, on the shared pool, or on a pool of its
     * own when the endpoint's TLS settings are not the component's; camel-http closes such a pool with its endpoint.
     *
     * @param componentTls   the component's TLS settings, {@code null} for the JVM's default trust
     * @param maxConnections the size of each pool
     */
    synchronized HttpEndpoint createHttpEndpoint(TextMeOtpConfiguration endpointConfiguration,
                                                 SSLContextParameters componentTls, int maxConnections)
            throws Exception {
        if (stopped) {
            throw new IllegalStateException("The textme-otp component is stopped: its endpoints cannot start");
        }
        if (sharedPool == null) {
            sharedPool = newConnectionPool(componentTls, maxConnections);
            httpComponent.setClientConnectionManager(sharedPool);
        }
        HttpEndpoint http = (HttpEndpoint) httpComponent.createEndpoint(
                endpointConfiguration.apiUrl(), timeouts(endpointConfiguration));
        // the proxy goes on the client builder, not in camel-http's parameters, which would show its password in the
        // camel-http endpoint's URI and log lines
        http.setHttpClientConfigurer(clientConfigurer(endpointConfiguration));
        SSLContextParameters endpointTls = endpointConfiguration.getSslContextParameters();
        if (endpointTls != null && endpointTls != componentTls) {
            http.setClientConnectionManager(newConnectionPool(endpointTls, maxConnections));
        }
        return http;
    }

    /**
     * How many times the transport has started: an HttpClient made in an earlier generation used a shared pool that
     * the last stop closed.
     */
    int generation() {
        return generation;
    }

    /** The pool the endpoints share, or {@code null} before the first endpoint starts and after stop. */
    synchronized HttpClientConnectionManager getSharedPool() {
        return sharedPool;
    }

    private HttpClientConnectionManager newConnectionPool(SSLContextParameters tls, int maxConnections)
            throws Exception {
        SSLContext sslContext = tls != null
                ? tls.createSSLContext(httpComponent.getCamelContext()) : SSLContexts.createDefault();
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext))
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder().http1Config(ANSWER_HEAD_LIMITS).build())
                .setDefaultConnectionConfig(CONNECTIONS)
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
    }

    private static Map<String, Object> timeouts(TextMeOtpConfiguration configuration) {
        Timeout connectTimeout = Timeout.ofMilliseconds(configuration.getConnectTimeout());
        return Map.of(
                "connectTimeout", connectTimeout,
                // the wait for a free pooled connection: camel-http's own default would be 3 minutes
                "connectionRequestTimeout", connectTimeout,
                "responseTimeout", Timeout.ofMilliseconds(configuration.getResponseTimeout()));
    }

    /** What the client needs on every HttpClient, and the endpoint's proxy with its credentials, if any. */
    private static HttpClientConfigurer clientConfigurer(TextMeOtpConfiguration configuration) {
        if (!configuration.usesProxy()) {
            return TextMeOtpHttpTransport::configure;
        }
        HttpHost proxy = new HttpHost(
                configuration.getProxyScheme(), configuration.getProxyHost(), configuration.getProxyPort());
        CredentialsProvider credentials = configuration.getProxyAuthUsername() == null
                ? null
                : CredentialsProviderBuilder.create()
                        .add(new AuthScope(proxy), configuration.getProxyAuthUsername(),
                             configuration.getProxyAuthPassword().toCharArray())
                        .build();
        return builder -> {
            configure(builder);
            builder.setProxy(proxy);
            if (credentials != null) {
                builder.setDefaultCredentialsProvider(credentials);
            }
        };
    }

    /** What every HttpClient gets: what the API client needs, and idle connections kept at most {@link #MAX_IDLE}. */
    private static void configure(HttpClientBuilder builder) {
        TextMeOtpApiClient.configure(builder);
        builder.setKeepAliveStrategy((response, context) -> {
            TimeValue serverKeepAlive = DefaultConnectionKeepAliveStrategy.INSTANCE.getKeepAliveDuration(response, context);
            return serverKeepAlive.compareTo(MAX_IDLE) < 0 ? serverKeepAlive : MAX_IDLE;
        });
    }

    private static HttpComponent newHttpComponent() {
        HttpComponent http = new HttpComponent();
        http.setAutomaticRetriesDisabled(true);
        http.setRedirectHandlingDisabled(true);
        http.setCookieManagementDisabled(true);
        http.setUserAgent(USER_AGENT);
        return http;
    }
}
