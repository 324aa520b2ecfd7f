package io.github.cameltextme.otp.springboot;

import java.time.Duration;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Send SMS one-time passwords and validate the codes users type, through the TextMe API (Israel). The
 * {@code camel.component.textme-otp.*} properties configure the component; every endpoint starts from them and may
 * override them.
 * <p>
 * The field comments are the component's option descriptions, word for word: the configuration processor turns them
 * into the descriptions of spring-configuration-metadata.json, and a test compares the two. The defaults are the
 * component's constants; Spring's configuration processor reads only literal defaults, so the metadata's defaults are
 * in additional-spring-configuration-metadata.json, which a test holds equal to the component's.
 * <p>
 * Bean options, {@code ssl-context-parameters} and {@code limit-store}, take a reference to a bean of the application
 * context, {@code #bean:name} or {@code #name}, which {@link TextMeOtpComponentConverter} resolves. Without
 * {@code limit-store}, Camel autowires the one {@code ProxyManager} bean of the application context, if there is exactly
 * one, into the component.
 */
@ConfigurationProperties(prefix = "camel.component.textme-otp")
public class TextMeOtpComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The TextMe account's username.
     */
    private String username;
    /**
     * The TextMe API token for authentication. Prefer setting it on the component.
     */
    private String apiToken;
    /**
     * The sender shown on the phone, a sender verified on the TextMe account. Required for send.
     */
    private String source;
    /**
     * The application id, which keeps the OTPs of different applications for the same phone apart.
     */
    private Integer appId = TextMeOtpConfiguration.DEFAULT_APP_ID;
    /**
     * How many attempts the code allows, 3 to 5.
     */
    private Integer maxTries = TextMeOtpConfiguration.DEFAULT_MAX_TRIES;
    /**
     * How many minutes the code stays valid, 1 to 15.
     */
    private Integer validTime = TextMeOtpConfiguration.DEFAULT_VALID_TIME;
    /**
     * The SMS text, with the word code in square brackets where TextMe puts the code. When not set, TextMe's default
     * text is used.
     */
    private String text;
    /**
     * Whether to call TextMe's dry run, which sends no SMS and charges nothing.
     */
    private Boolean testMode = false;
    /**
     * Whether validate throws TextMeOtpInvalidCodeException for a code not accepted, instead of returning valid=false.
     */
    private Boolean throwOnInvalidCode = false;
    /**
     * The TextMe API URL; change it to point at a simulator or a test server.
     */
    private String baseUrl = TextMeOtpConfiguration.DEFAULT_BASE_URL;
    /**
     * How long to wait for a connection to TextMe.
     */
    private Duration connectTimeout = Duration.ofMillis(TextMeOtpConfiguration.DEFAULT_CONNECT_TIMEOUT_MILLIS);
    /**
     * How long to wait for TextMe's answer once the request is sent.
     */
    private Duration responseTimeout = Duration.ofMillis(TextMeOtpConfiguration.DEFAULT_RESPONSE_TIMEOUT_MILLIS);
    /**
     * The most connections to TextMe open at once in the pool the endpoints share.
     */
    private Integer maxConnections = TextMeOtpComponent.DEFAULT_MAX_CONNECTIONS;
    /**
     * The host of the HTTP proxy to reach TextMe through.
     */
    private String proxyHost;
    /**
     * The port of the HTTP proxy.
     */
    private Integer proxyPort;
    /**
     * The scheme to talk to the proxy itself with.
     */
    private String proxyScheme = TextMeOtpConfiguration.DEFAULT_PROXY_SCHEME;
    /**
     * The username for the proxy.
     */
    private String proxyAuthUsername;
    /**
     * The password for the proxy.
     */
    private String proxyAuthPassword;
    /**
     * Whether to accept an http:// baseUrl whose host is not loopback. The API token then travels unencrypted.
     */
    private Boolean allowInsecureHttp = false;
    /**
     * The TLS settings for the connections to TextMe.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * Whether to use the CamelContext's global SSL context parameters when sslContextParameters is not set.
     */
    private Boolean useGlobalSslContextParameters = false;
    /**
     * Whether to enforce the send limits and the wrong-code lockout.
     */
    private Boolean limitsEnabled = TextMeOtpConfiguration.DEFAULT_LIMITS_ENABLED;
    /**
     * The shortest time between two sends to one phone and application id; 0 turns it off.
     */
    private Duration resendInterval = Duration.ofMillis(TextMeOtpConfiguration.DEFAULT_RESEND_INTERVAL_MILLIS);
    /**
     * The most sends to one phone and application id in phoneSendWindow; 0 turns it off.
     */
    private Integer phoneSendLimit = TextMeOtpConfiguration.DEFAULT_PHONE_SEND_LIMIT;
    /**
     * The window of phoneSendLimit.
     */
    private Duration phoneSendWindow = Duration.ofMillis(TextMeOtpConfiguration.DEFAULT_PHONE_SEND_WINDOW_MILLIS);
    /**
     * The most sends for one client key (the CamelTextMeOtpClientKey header) in clientSendWindow; 0 turns it off.
     */
    private Integer clientSendLimit = TextMeOtpConfiguration.DEFAULT_CLIENT_SEND_LIMIT;
    /**
     * The window of clientSendLimit.
     */
    private Duration clientSendWindow = Duration.ofMillis(TextMeOtpConfiguration.DEFAULT_CLIENT_SEND_WINDOW_MILLIS);
    /**
     * The most sends of the whole account in accountSendWindow; 0 turns it off.
     */
    private Integer accountSendLimit = TextMeOtpConfiguration.DEFAULT_ACCOUNT_SEND_LIMIT;
    /**
     * The window of accountSendLimit.
     */
    private Duration accountSendWindow = Duration.ofMillis(TextMeOtpConfiguration.DEFAULT_ACCOUNT_SEND_WINDOW_MILLIS);
    /**
     * The most wrong codes for one phone and application id in failedValidationWindow; 0 turns it off.
     */
    private Integer failedValidationLimit = TextMeOtpConfiguration.DEFAULT_FAILED_VALIDATION_LIMIT;
    /**
     * The window of failedValidationLimit.
     */
    private Duration failedValidationWindow = Duration.ofMillis(TextMeOtpConfiguration.DEFAULT_FAILED_VALIDATION_WINDOW_MILLIS);
    /**
     * The most validates for one client key (the CamelTextMeOtpClientKey header) in clientValidationWindow, right or
     * wrong, whatever the phone; 0 turns it off.
     */
    private Integer clientValidationLimit = TextMeOtpConfiguration.DEFAULT_CLIENT_VALIDATION_LIMIT;
    /**
     * The window of clientValidationLimit.
     */
    private Duration clientValidationWindow = Duration.ofMillis(TextMeOtpConfiguration.DEFAULT_CLIENT_VALIDATION_WINDOW_MILLIS);
    /**
     * Whether, while the limitStore is unreachable, to count the limits in this JVM's memory instead of refusing every
     * exchange with TextMeOtpLimitStoreException. The service stays available, but each instance counts alone until
     * the store answers again.
     */
    private Boolean fallbackToMemory = TextMeOtpConfiguration.DEFAULT_FALLBACK_TO_MEMORY;
    /**
     * Where the limits count: a Bucket4j ProxyManager with String keys, e.g. on Redis. When not set, the counts live in
     * this JVM's memory.
     */
    private ProxyManager<String> limitStore;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * The time between two balance calls of the readiness checks for one account, shared by all its endpoints.
     */
    private Duration balanceCheckInterval = Duration.ofMillis(TextMeOtpComponent.DEFAULT_BALANCE_CHECK_INTERVAL_MILLIS);
    /**
     * Whether the textme.otp.round.trip timer publishes a histogram (Prometheus _bucket series), for percentiles of
     * TextMe's latency across instances.
     */
    private Boolean roundTripHistogram = false;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getApiToken() {
        return apiToken;
    }

    public void setApiToken(String apiToken) {
        this.apiToken = apiToken;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Integer getAppId() {
        return appId;
    }

    public void setAppId(Integer appId) {
        this.appId = appId;
    }

    public Integer getMaxTries() {
        return maxTries;
    }

    public void setMaxTries(Integer maxTries) {
        this.maxTries = maxTries;
    }

    public Integer getValidTime() {
        return validTime;
    }

    public void setValidTime(Integer validTime) {
        this.validTime = validTime;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Boolean getTestMode() {
        return testMode;
    }

    public void setTestMode(Boolean testMode) {
        this.testMode = testMode;
    }

    public Boolean getThrowOnInvalidCode() {
        return throwOnInvalidCode;
    }

    public void setThrowOnInvalidCode(Boolean throwOnInvalidCode) {
        this.throwOnInvalidCode = throwOnInvalidCode;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyScheme() {
        return proxyScheme;
    }

    public void setProxyScheme(String proxyScheme) {
        this.proxyScheme = proxyScheme;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Boolean getLimitsEnabled() {
        return limitsEnabled;
    }

    public void setLimitsEnabled(Boolean limitsEnabled) {
        this.limitsEnabled = limitsEnabled;
    }

    public Duration getResendInterval() {
        return resendInterval;
    }

    public void setResendInterval(Duration resendInterval) {
        this.resendInterval = resendInterval;
    }

    public Integer getPhoneSendLimit() {
        return phoneSendLimit;
    }

    public void setPhoneSendLimit(Integer phoneSendLimit) {
        this.phoneSendLimit = phoneSendLimit;
    }

    public Duration getPhoneSendWindow() {
        return phoneSendWindow;
    }

    public void setPhoneSendWindow(Duration phoneSendWindow) {
        this.phoneSendWindow = phoneSendWindow;
    }

    public Integer getClientSendLimit() {
        return clientSendLimit;
    }

    public void setClientSendLimit(Integer clientSendLimit) {
        this.clientSendLimit = clientSendLimit;
    }

    public Duration getClientSendWindow() {
        return clientSendWindow;
    }

    public void setClientSendWindow(Duration clientSendWindow) {
        this.clientSendWindow = clientSendWindow;
    }

    public Integer getAccountSendLimit() {
        return accountSendLimit;
    }

    public void setAccountSendLimit(Integer accountSendLimit) {
        this.accountSendLimit = accountSendLimit;
    }

    public Duration getAccountSendWindow() {
        return accountSendWindow;
    }

    public void setAccountSendWindow(Duration accountSendWindow) {
        this.accountSendWindow = accountSendWindow;
    }

    public Integer getFailedValidationLimit() {
        return failedValidationLimit;
    }

    public void setFailedValidationLimit(Integer failedValidationLimit) {
        this.failedValidationLimit = failedValidationLimit;
    }

    public Duration getFailedValidationWindow() {
        return failedValidationWindow;
    }

    public void setFailedValidationWindow(Duration failedValidationWindow) {
        this.failedValidationWindow = failedValidationWindow;
    }

    public Integer getClientValidationLimit() {
        return clientValidationLimit;
    }

    public void setClientValidationLimit(Integer clientValidationLimit) {
        this.clientValidationLimit = clientValidationLimit;
    }

    public Duration getClientValidationWindow() {
        return clientValidationWindow;
    }

    public void setClientValidationWindow(Duration clientValidationWindow) {
        this.clientValidationWindow = clientValidationWindow;
    }

    public Boolean getFallbackToMemory() {
        return fallbackToMemory;
    }

    public void setFallbackToMemory(Boolean fallbackToMemory) {
        this.fallbackToMemory = fallbackToMemory;
    }

    public ProxyManager<String> getLimitStore() {
        return limitStore;
    }

    public void setLimitStore(ProxyManager<String> limitStore) {
        this.limitStore = limitStore;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Duration getBalanceCheckInterval() {
        return balanceCheckInterval;
    }

    public void setBalanceCheckInterval(Duration balanceCheckInterval) {
        this.balanceCheckInterval = balanceCheckInterval;
    }

    public Boolean getRoundTripHistogram() {
        return roundTripHistogram;
    }

    public void setRoundTripHistogram(Boolean roundTripHistogram) {
        this.roundTripHistogram = roundTripHistogram;
    }
}
