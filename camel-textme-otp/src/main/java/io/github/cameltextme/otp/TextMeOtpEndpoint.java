package io.github.cameltextme.otp;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import io.github.cameltextme.otp.client.TextMeOtpApiClient;
import io.github.cameltextme.otp.limit.EndpointLimiter;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Send SMS one-time passwords and validate the codes users type, through the TextMe API (Israel).
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "textme-otp", title = "TextMe OTP", syntax = "textme-otp:operation",
             producerOnly = true, category = { Category.CLOUD, Category.API, Category.MOBILE },
             headersClass = TextMeOtpConstants.class)
@ManagedResource(description = "Managed TextMe OTP endpoint")
public class TextMeOtpEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private TextMeOtpConfiguration configuration;

    private final TextMeOtpCounters counters = new TextMeOtpCounters();
    private final TextMeOtpOutcomeRecorder outcomes;
    private volatile HttpEndpoint httpEndpoint;
    private volatile TextMeOtpApiClient apiClient;
    private volatile EndpointLimiter limiter;
    private volatile int poolGeneration;

    public TextMeOtpEndpoint(String endpointUri, TextMeOtpComponent component, TextMeOtpConfiguration configuration) {
        super(endpointUri, component);
        this.configuration = configuration;
        this.outcomes = new TextMeOtpOutcomeRecorder(this, counters);
    }

    @Override
    public TextMeOtpComponent getComponent() {
        return (TextMeOtpComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new TextMeOtpProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("textme-otp endpoints only send: use them in to(...)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getComponent().bindMeters();
        if (configuration.isLimitsEnabled()) {
            limiter = new EndpointLimiter(configuration, getComponent().limitStoresForEndpoints());
        }
        startApiClient();
    }

    /** Builds the HttpClient and API client on the component's current pool. */
    private void startApiClient() throws Exception {
        int generation = getComponent().poolGeneration();
        HttpEndpoint http = getComponent().createHttpEndpoint(configuration);
        ServiceHelper.startService(http);
        httpEndpoint = http;
        apiClient = new TextMeOtpApiClient(
                http.getHttpClient(), URI.create(configuration.apiUrl()), configuration.getApiToken());
        // only once the client is built: a failed attempt is tried again at the next call
        poolGeneration = generation;
    }

    /**
     * After the component stopped and started again, the shared pool this endpoint's client used is closed: the
     * client is built again on the new pool, as the endpoint stayed started (Camel stops a component without its
     * endpoints). Called while the component is stopped, it keeps the old client, which fails unsent.
     */
    private synchronized TextMeOtpApiClient renewedApiClient() {
        TextMeOtpApiClient client = apiClient;
        if (client == null || poolGeneration == getComponent().poolGeneration() || !getComponent().isStarted()) {
            return client;
        }
        HttpEndpoint stale = httpEndpoint;
        try {
            startApiClient();
        } catch (Exception e) {
            throw new TextMeOtpTransportException(configuration.getOperation(),
                                                  "the HttpClient could not be built on the restarted component's pool",
                                                  e, false);
        }
        ServiceHelper.stopService(stale);
        return apiClient;
    }

    @Override
    protected void doStop() throws Exception {
        stopApiClient();
        limiter = null;
        super.doStop();
    }

    private synchronized void stopApiClient() {
        apiClient = null;
        ServiceHelper.stopService(httpEndpoint);
        httpEndpoint = null;
    }

    /** The options of this endpoint. */
    public TextMeOtpConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TextMeOtpConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The TextMe URL this endpoint posts to; it never holds the token, which travels in a header. */
    @Override
    public String getServiceUrl() {
        return configuration.apiUrl();
    }

    @Override
    public String getServiceProtocol() {
        return URI.create(configuration.apiUrl()).getScheme();
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return Map.of("username", configuration.getUsername());
    }

    @ManagedAttribute(description = "OTPs TextMe accepted to send")
    public long getSentCount() {
        return counters.count(TextMeOtpOutcome.SENT);
    }

    @ManagedAttribute(description = "Codes TextMe accepted as valid")
    public long getValidCount() {
        return counters.count(TextMeOtpOutcome.VALID);
    }

    @ManagedAttribute(description = "Codes TextMe did not accept (status 12 on validate)")
    public long getInvalidCount() {
        return counters.count(TextMeOtpOutcome.INVALID);
    }

    @ManagedAttribute(description = "Calls TextMe answered with an error status")
    public long getApiErrorCount() {
        return counters.count(TextMeOtpOutcome.API_ERROR);
    }

    @ManagedAttribute(description = "Calls TextMe answered with an error status, per status, as status=count; statuses"
                                    + " TextMe does not document count together as other")
    public String getApiErrorsByStatus() {
        return counters.apiErrorsByStatus().toString();
    }

    @ManagedAttribute(description = "Calls that got no readable answer: connection failures, timeouts, HTTP errors;"
                                    + " and exchanges on an endpoint not started")
    public long getTransportErrorCount() {
        return counters.count(TextMeOtpOutcome.TRANSPORT_ERROR);
    }

    @ManagedAttribute(description = "Exchanges refused because their input broke a rule; nothing was sent")
    public long getBadInputCount() {
        return counters.count(TextMeOtpOutcome.BAD_INPUT);
    }

    @ManagedAttribute(description = "Exchanges that failed unexpectedly: a bug, or a message value that failed when"
                                    + " read")
    public long getUnexpectedErrorCount() {
        return counters.count(TextMeOtpOutcome.UNEXPECTED_ERROR);
    }

    @ManagedAttribute(description = "Exchanges a limit refused before anything was sent")
    public long getLimitRefusalCount() {
        return counters.count(TextMeOtpOutcome.REFUSED);
    }

    @ManagedAttribute(description = "Exchanges a limit refused, per limit, as LIMIT=count")
    public String getLimitRefusalsByLimit() {
        return counters.limitRefusalsByLimit().toString();
    }

    @ManagedAttribute(description = "Exchanges refused because the limit store did not answer in time or failed")
    public long getLimitStoreErrorCount() {
        return counters.count(TextMeOtpOutcome.STORE_ERROR);
    }

    @ManagedAttribute(description = "Exchanges let through on counts kept in this JVM's memory because the limitStore"
                                    + " was unreachable (fallbackToMemory)")
    public long getLimitFallbackCount() {
        return counters.limitFallbackCount();
    }

    @ManagedAttribute(description = "Connections to TextMe in use now, in this endpoint's pool; -1 while stopped")
    public int getConnectionsLeased() {
        HttpEndpoint http = httpEndpoint;
        return http == null ? -1 : http.getClientConnectionsPoolStatsLeased();
    }

    @ManagedAttribute(description = "Idle connections to TextMe kept open, in this endpoint's pool; -1 while stopped")
    public int getConnectionsAvailable() {
        HttpEndpoint http = httpEndpoint;
        return http == null ? -1 : http.getClientConnectionsPoolStatsAvailable();
    }

    @ManagedAttribute(description = "The most connections to TextMe this endpoint's pool opens; -1 while stopped")
    public int getConnectionsMax() {
        HttpEndpoint http = httpEndpoint;
        return http == null ? -1 : http.getClientConnectionsPoolStatsMax();
    }

    /** What records this endpoint's outcomes, in its counters and its component's meters. */
    TextMeOtpOutcomeRecorder getOutcomes() {
        return outcomes;
    }

    /** The API client while the endpoint is started; empty otherwise. */
    Optional<TextMeOtpApiClient> startedApiClient() {
        TextMeOtpApiClient client = apiClient;
        if (client != null && poolGeneration != getComponent().poolGeneration()) {
            client = renewedApiClient();
        }
        return Optional.ofNullable(client);
    }

    /** The limits while the endpoint is started with limits on; empty when it is not started or its limits are off. */
    Optional<EndpointLimiter> startedLimiter() {
        return Optional.ofNullable(limiter);
    }

    /** The camel-http endpoint whose HttpClient carries the calls, while started. */
    HttpEndpoint getHttpEndpoint() {
        return httpEndpoint;
    }
}
