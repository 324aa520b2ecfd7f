package io.github.cameltextme.otp;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltextme.otp.limit.InMemoryLimitStore;
import io.github.cameltextme.otp.limit.LimitStores;

import org.apache.camel.CamelContext;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code textme-otp} component: {@code textme-otp:send} sends an SMS one-time password, {@code textme-otp:validate}
 * checks the code the user typed. Options set here are the defaults of every endpoint; endpoint options override them.
 * <p>
 * All endpoints share one bounded pool of connections to TextMe, closed when the component stops; an endpoint with
 * its own {@code sslContextParameters} has its own pool of the same size, closed when it stops. The readiness checks
 * of its producers share one balance call per account per {@code balanceCheckInterval}, made on a thread of its own.
 */
@Component("textme-otp")
@ManagedResource(description = "Managed TextMe OTP component")
public class TextMeOtpComponent extends HealthCheckComponent implements SSLContextParametersAware {

    public static final int DEFAULT_MAX_CONNECTIONS = 20;
    public static final long DEFAULT_BALANCE_CHECK_INTERVAL_MILLIS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(TextMeOtpComponent.class);
    private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

    @Metadata(label = "advanced",
              description = "The options shared by all endpoints of this component.")
    private TextMeOtpConfiguration configuration = new TextMeOtpConfiguration();

    @Metadata(label = "security", defaultValue = "false",
              description = "Whether to use the CamelContext's global SSL context parameters when sslContextParameters"
                            + " is not set.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "advanced", defaultValue = "" + DEFAULT_MAX_CONNECTIONS,
              description = "The most connections to TextMe open at once in the pool the endpoints share.")
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;

    @Metadata(label = "health", defaultValue = "" + DEFAULT_BALANCE_CHECK_INTERVAL_MILLIS,
              javaType = "java.time.Duration",
              description = "The time between two balance calls of the readiness checks for one account, shared by"
                            + " all its endpoints.")
    private long balanceCheckInterval = DEFAULT_BALANCE_CHECK_INTERVAL_MILLIS;

    @Metadata(label = "metrics", defaultValue = "false",
              description = "Whether the textme.otp.round.trip timer publishes a histogram (Prometheus _bucket series),"
                            + " for percentiles of TextMe's latency across instances.")
    private boolean roundTripHistogram;

    @Metadata(label = "limits", autowired = true,
              description = "Where the limits count: a Bucket4j ProxyManager with String keys, e.g. on Redis. When not"
                            + " set, the counts live in this JVM's memory.")
    private ProxyManager<String> limitStore;

    /** The stores in this JVM's memory: where the limits count without limitStore, or while it is unreachable. */
    private final InMemoryLimitStore inMemoryLimitStore = new InMemoryLimitStore();
    private final InMemoryLimitStore inMemoryClientValidationStore = new InMemoryLimitStore();
    /** Where the endpoints count, for the limitStore they were made for; made when first needed. */
    private volatile LimitStores limitStores;
    private boolean perJvmLimitsLogged;

    private final TextMeOtpHttpTransport transport = new TextMeOtpHttpTransport();
    /** The readiness checks' balance calls, on their own thread from Camel's ExecutorServiceManager while started. */
    private final TextMeOtpBalanceChecks balanceChecks = new TextMeOtpBalanceChecks();
    private ScheduledExecutorService balanceCheckExecutor;
    /** Where the exchanges are measured: the application's Micrometer registry once found, else nowhere. */
    private volatile TextMeOtpMeters meters = TextMeOtpMeters.NONE;

    public TextMeOtpComponent() {
    }

    public TextMeOtpComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected TextMeOtpEndpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        TextMeOtpOptionChecks.checkComponentOptions(maxConnections, balanceCheckInterval);
        TextMeOtpConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(TextMeOtpOperation.fromUriPath(remaining));
        TextMeOtpEndpoint endpoint = new TextMeOtpEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpointConfiguration.check();
        return endpoint;
    }

    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        // normally done as the context was built; again for a context that did not load the plugin
        TextMeOtpSensitiveKeywords.register(context);
        transport.setCamelContext(context);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        transport.start();
        balanceCheckExecutor = getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "TextMeOtpBalanceCheck");
        balanceChecks.start(balanceCheckExecutor, balanceCheckInterval);
        bindMeters();
    }

    @Override
    protected void doStop() throws Exception {
        meters.close();
        meters = TextMeOtpMeters.NONE;
        balanceChecks.stop();
        if (balanceCheckExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(balanceCheckExecutor);
            balanceCheckExecutor = null;
        }
        transport.stop();
        super.doStop();
    }

    /**
     * Binds the meters to the application's Micrometer registry, when Micrometer is on the classpath and the registry
     * is in the CamelContext's registry: as the component starts, so that its series are there at 0 before its first
     * exchange, and again as each endpoint starts, so that a registry bound after the component started is found too.
     * Without Micrometer no class of it is loaded.
     */
    synchronized void bindMeters() {
        if (meters == TextMeOtpMeters.NONE && MICROMETER_PRESENT) {
            meters = TextMeOtpMicrometerMeters.bind(this);
        }
    }

    /** Where the exchanges are measured. */
    TextMeOtpMeters meters() {
        return meters;
    }

    /** The balance calls of the readiness checks of this component's producers. */
    TextMeOtpBalanceChecks getBalanceChecks() {
        return balanceChecks;
    }

    /** A camel-http endpoint whose HttpClient carries the calls of one endpoint, on this component's pools. */
    HttpEndpoint createHttpEndpoint(TextMeOtpConfiguration endpointConfiguration) throws Exception {
        return transport.createHttpEndpoint(endpointConfiguration, componentTls(), maxConnections);
    }

    /** The generation of the shared pool: it changes when the component starts again after a stop. */
    int poolGeneration() {
        return transport.generation();
    }

    /**
     * Where the endpoints count their limits: the {@code limitStore} option as it is now, else this JVM's memory
     * (logged once, at INFO, as the limits then hold per JVM only).
     */
    synchronized LimitStores limitStoresForEndpoints() {
        if (limitStores == null || limitStores.shared() != limitStore) {
            limitStores = new LimitStores(limitStore, inMemoryLimitStore, inMemoryClientValidationStore);
        }
        if (limitStore == null && !perJvmLimitsLogged) {
            perJvmLimitsLogged = true;
            LOG.info("The textme-otp limits count in this JVM's memory, so they hold per JVM only: when the service"
                     + " runs on several instances, set the limitStore option to a shared Bucket4j ProxyManager"
                     + " (e.g. on Redis)");
        }
        return limitStores;
    }

    @ManagedAttribute(description = "Keys held in this JVM's memory for the limits of sends and wrong codes: phones"
                                    + " sent a code, clients, the account")
    public long getInMemoryLimitKeys() {
        return inMemoryLimitStore.keys();
    }

    @ManagedAttribute(description = "Keys held in this JVM's memory for the validates counted per client")
    public long getInMemoryClientValidationKeys() {
        return inMemoryClientValidationStore.keys();
    }

    @ManagedAttribute(description = "The most keys each of the two stores in this JVM's memory holds")
    public long getInMemoryLimitKeysMax() {
        return inMemoryLimitStore.maxKeys();
    }

    @ManagedAttribute(description = "Whether the limitStore is known to be unreachable now")
    public boolean isLimitStoreDown() {
        LimitStores stores = limitStores;
        return stores != null && stores.isSharedStoreDown();
    }

    @ManagedAttribute(description = "Places the limitStore took after the exchange had failed closed without them (a"
                                    + " stall, or commands replayed on reconnecting), given back since")
    public long getLimitPlacesGivenBackLate() {
        LimitStores stores = limitStores;
        return stores != null ? stores.placesGivenBackLate() : 0;
    }

    @ManagedAttribute(description = "Validates let through without a client count because the in-memory store of"
                                    + " validates per client was full; each phone's wrong codes still counted")
    public long getClientValidationsUncounted() {
        LimitStores stores = limitStores;
        return stores != null ? stores.clientValidationsUncounted() : 0;
    }

    /** The pool shared by the endpoints, or {@code null} before the first endpoint starts. */
    HttpClientConnectionManager getSharedPool() {
        return transport.getSharedPool();
    }

    /** The component's TLS settings: its own, else the context's global ones when enabled, else none. */
    private SSLContextParameters componentTls() {
        SSLContextParameters tls = configuration.getSslContextParameters();
        return tls != null || !useGlobalSslContextParameters ? tls : retrieveGlobalSslContextParameters();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, TextMeOtpComponent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
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

    public ProxyManager<String> getLimitStore() {
        return limitStore;
    }

    public void setLimitStore(ProxyManager<String> limitStore) {
        this.limitStore = limitStore;
    }

    public long getBalanceCheckInterval() {
        return balanceCheckInterval;
    }

    public void setBalanceCheckInterval(long balanceCheckInterval) {
        this.balanceCheckInterval = balanceCheckInterval;
    }

    public boolean isRoundTripHistogram() {
        return roundTripHistogram;
    }

    public void setRoundTripHistogram(boolean roundTripHistogram) {
        this.roundTripHistogram = roundTripHistogram;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }
}
