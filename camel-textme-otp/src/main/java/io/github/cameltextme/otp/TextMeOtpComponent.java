package io.github.cameltextme.otp;

import java.util.Map;

import javax.net.ssl.SSLContext;

import io.github.cameltextme.otp.client.TextMeOtpApiClient;
import org.apache.camel.CamelContext;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.IOHelper;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;

/**
 * The {@code textme-otp} component: {@code textme-otp:send} sends an SMS one-time password, {@code textme-otp:validate}
 * checks the code the user typed. Options set here are the defaults of every endpoint; endpoint options override them.
 * <p>
 * All endpoints share one bounded pool of connections to TextMe, closed when the component stops; an endpoint with
 * its own {@code sslContextParameters} has its own pool of the same size, closed when it stops.
 */
@Component("textme-otp")
public class TextMeOtpComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /** The User-Agent of every request to TextMe. */
    static final String USER_AGENT = "camel-textme-otp";

    @Metadata(label = "advanced",
              description = "The options shared by all endpoints of this component; each endpoint may override them.")
    private TextMeOtpConfiguration configuration = new TextMeOtpConfiguration();

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the CamelContext's global SSL context parameters when sslContextParameters is not set.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "advanced", defaultValue = "20",
              description = "The most connections to TextMe open at once in the pool the endpoints share (an endpoint"
                            + " with its own sslContextParameters has its own pool of this size). A call that finds"
                            + " them all busy waits up to connectTimeout for one, then fails without being sent.")
    private int maxConnections = 20;

    /**
     * A private camel-http component that builds the HttpClients of the endpoints, so that the user's own http/https
     * components are neither used nor changed. On top of camel-http's defaults: no automatic retries (a repeated
     * send_otp can send a second SMS and a repeated validate_otp spends a try), no redirects (they would carry the
     * token elsewhere) and no cookies.
     */
    private final HttpComponent httpComponent = newHttpComponent();

    /** Bounds the status line and headers of an answer, as the client bounds its body: no endless headers. */
    private static final Http1Config ANSWER_HEAD_LIMITS = Http1Config.custom()
            .setMaxLineLength(8 * 1024).setMaxHeaderCount(100).build();

    private HttpClientConnectionManager sharedPool;

    public TextMeOtpComponent() {
    }

    public TextMeOtpComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected TextMeOtpEndpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        if (maxConnections < 1) {
            throw new TextMeOtpValidationException("maxConnections", "must be at least 1 (was " + maxConnections + ")");
        }
        TextMeOtpConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(TextMeOtpOperation.fromUriPath(remaining));
        TextMeOtpEndpoint endpoint = new TextMeOtpEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        TextMeOtpInputRules.checkEndpointOptions(endpointConfiguration);
        return endpoint;
    }

    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        // normally done as the context was built; again for a context that did not load the plugin
        TextMeOtpSensitiveKeywords.register(context);
        httpComponent.setCamelContext(context);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(httpComponent);
    }

    @Override
    protected synchronized void doStop() throws Exception {
        closeSharedPool();
        ServiceHelper.stopService(httpComponent);
        super.doStop();
    }

    /**
     * A camel-http endpoint whose HttpClient carries the calls of one endpoint: on the component's shared pool, or on
     * a pool of its own when the endpoint has its own TLS settings.
     */
    synchronized HttpEndpoint createHttpEndpoint(TextMeOtpConfiguration endpointConfiguration) throws Exception {
        if (isStoppingOrStopped()) {
            throw new IllegalStateException("The textme-otp component is stopped: its endpoints cannot start");
        }
        SSLContextParameters componentTls = componentTls();
        if (sharedPool == null) {
            sharedPool = newConnectionPool(componentTls);
            httpComponent.setClientConnectionManager(sharedPool);
        }
        HttpEndpoint http = (HttpEndpoint) httpComponent.createEndpoint(
                endpointConfiguration.apiUrl(), timeouts(endpointConfiguration));
        // the proxy goes on the client builder, not in camel-http's parameters, which would show its password in the
        // camel-http endpoint's URI and log lines
        http.setHttpClientConfigurer(clientConfigurer(endpointConfiguration));
        SSLContextParameters endpointTls = endpointConfiguration.getSslContextParameters();
        if (endpointTls != null && endpointTls != componentTls) {
            // camel-http's endpoint closes a pool that is not its component's when it stops
            http.setClientConnectionManager(newConnectionPool(endpointTls));
        }
        return http;
    }

    /** The pool shared by the endpoints, or {@code null} before the first endpoint starts. */
    synchronized HttpClientConnectionManager getSharedPool() {
        return sharedPool;
    }

    private SSLContextParameters componentTls() {
        SSLContextParameters tls = configuration.getSslContextParameters();
        return tls != null || !useGlobalSslContextParameters ? tls : retrieveGlobalSslContextParameters();
    }

    private HttpClientConnectionManager newConnectionPool(SSLContextParameters tls) throws Exception {
        SSLContext sslContext = tls != null ? tls.createSSLContext(getCamelContext()) : SSLContexts.createDefault();
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext))
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder().http1Config(ANSWER_HEAD_LIMITS).build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
    }

    private synchronized void closeSharedPool() {
        httpComponent.setClientConnectionManager(null);
        IOHelper.close(sharedPool);
        sharedPool = null;
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
        if (configuration.getProxyHost() == null) {
            return TextMeOtpApiClient::configure;
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
            TextMeOtpApiClient.configure(builder);
            builder.setProxy(proxy);
            if (credentials != null) {
                builder.setDefaultCredentialsProvider(credentials);
            }
        };
    }

    public TextMeOtpConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TextMeOtpConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
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
