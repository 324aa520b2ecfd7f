package io.github.cameltextme.otp;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of the {@code textme-otp} component and its endpoints. The component holds one instance; each endpoint
 * starts from a copy of it and overrides it with its URI options.
 */
@UriParams
public class TextMeOtpConfiguration implements Cloneable {

    /** TextMe's live API; the dry run is the same URL with {@code /test} appended. */
    public static final String DEFAULT_BASE_URL = "https://my.textme.co.il/api";
    public static final int DEFAULT_APP_ID = 1;
    public static final int DEFAULT_MAX_TRIES = 3;
    public static final int DEFAULT_VALID_TIME = 5;
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    public static final long DEFAULT_RESPONSE_TIMEOUT_MILLIS = 15_000;
    public static final String DEFAULT_PROXY_SCHEME = "http";
    public static final boolean DEFAULT_LIMITS_ENABLED = true;
    public static final long DEFAULT_RESEND_INTERVAL_MILLIS = 30_000;
    public static final int DEFAULT_PHONE_SEND_LIMIT = 5;
    public static final long DEFAULT_PHONE_SEND_WINDOW_MILLIS = 600_000;
    /** 0: off. */
    public static final int DEFAULT_CLIENT_SEND_LIMIT = 0;
    public static final long DEFAULT_CLIENT_SEND_WINDOW_MILLIS = 3_600_000;
    /** 0: off. */
    public static final int DEFAULT_ACCOUNT_SEND_LIMIT = 0;
    public static final long DEFAULT_ACCOUNT_SEND_WINDOW_MILLIS = 3_600_000;
    public static final int DEFAULT_FAILED_VALIDATION_LIMIT = 10;
    public static final long DEFAULT_FAILED_VALIDATION_WINDOW_MILLIS = 3_600_000;
    /** 0: off. */
    public static final int DEFAULT_CLIENT_VALIDATION_LIMIT = 0;
    public static final long DEFAULT_CLIENT_VALIDATION_WINDOW_MILLIS = 3_600_000;
    public static final boolean DEFAULT_FALLBACK_TO_MEMORY = false;

    @UriPath(description = "The operation: send an OTP, or validate a code the user typed.",
             enums = "send,validate")
    @Metadata(required = true)
    private TextMeOtpOperation operation;

    @UriParam(label = "security",
              description = "The TextMe account's username.")
    @Metadata(required = true)
    private String username;

    @UriParam(label = "security", secret = true,
              description = "The TextMe API token for authentication. Prefer setting it on the component.")
    @Metadata(required = true)
    private String apiToken;

    @UriParam(label = "producer",
              description = "The sender shown on the phone, a sender verified on the TextMe account. Required for"
                            + " send.")
    private String source;

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_APP_ID,
              description = "The application id, which keeps the OTPs of different applications for the same phone"
                            + " apart.")
    private int appId = DEFAULT_APP_ID;

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_MAX_TRIES,
              description = "How many attempts the code allows, 3 to 5.")
    private int maxTries = DEFAULT_MAX_TRIES;

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_VALID_TIME,
              description = "How many minutes the code stays valid, 1 to 15.")
    private int validTime = DEFAULT_VALID_TIME;

    @UriParam(label = "producer",
              description = "The SMS text, with the word code in square brackets where TextMe puts the code. When not"
                            + " set, TextMe's default text is used.")
    private String text;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Whether to call TextMe's dry run, which sends no SMS and charges nothing.")
    private boolean testMode;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Whether validate throws TextMeOtpInvalidCodeException for a code not accepted, instead of"
                            + " returning valid=false.")
    private boolean throwOnInvalidCode;

    @UriParam(label = "advanced", defaultValue = DEFAULT_BASE_URL,
              description = "The TextMe API URL; change it to point at a simulator or a test server.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_CONNECT_TIMEOUT_MILLIS, javaType = "java.time.Duration",
              description = "How long to wait for a connection to TextMe.")
    private long connectTimeout = DEFAULT_CONNECT_TIMEOUT_MILLIS;

    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_RESPONSE_TIMEOUT_MILLIS, javaType = "java.time.Duration",
              description = "How long to wait for TextMe's answer once the request is sent.")
    private long responseTimeout = DEFAULT_RESPONSE_TIMEOUT_MILLIS;

    @UriParam(label = "security", defaultValue = "false",
              description = "Whether to accept an http:// baseUrl whose host is not loopback. The API token then"
                            + " travels unencrypted.")
    private boolean allowInsecureHttp;

    @UriParam(label = "security",
              description = "The TLS settings for the connections to TextMe.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy", description = "The host of the HTTP proxy to reach TextMe through.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The port of the HTTP proxy.")
    private Integer proxyPort;

    @UriParam(label = "proxy", enums = "http,https", defaultValue = DEFAULT_PROXY_SCHEME,
              description = "The scheme to talk to the proxy itself with.")
    private String proxyScheme = DEFAULT_PROXY_SCHEME;

    @UriParam(label = "proxy", secret = true,
              description = "The username for the proxy.")
    private String proxyAuthUsername;

    @UriParam(label = "proxy", secret = true, description = "The password for the proxy.")
    private String proxyAuthPassword;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_LIMITS_ENABLED,
              description = "Whether to enforce the send limits and the wrong-code lockout.")
    private boolean limitsEnabled = DEFAULT_LIMITS_ENABLED;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_RESEND_INTERVAL_MILLIS, javaType = "java.time.Duration",
              description = "The shortest time between two sends to one phone and application id; 0 turns it off.")
    private long resendInterval = DEFAULT_RESEND_INTERVAL_MILLIS;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_PHONE_SEND_LIMIT,
              description = "The most sends to one phone and application id in phoneSendWindow; 0 turns it off.")
    private int phoneSendLimit = DEFAULT_PHONE_SEND_LIMIT;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_PHONE_SEND_WINDOW_MILLIS, javaType = "java.time.Duration",
              description = "The window of phoneSendLimit.")
    private long phoneSendWindow = DEFAULT_PHONE_SEND_WINDOW_MILLIS;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_CLIENT_SEND_LIMIT,
              description = "The most sends for one client key (the CamelTextMeOtpClientKey header) in"
                            + " clientSendWindow; 0 turns it off.")
    private int clientSendLimit = DEFAULT_CLIENT_SEND_LIMIT;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_CLIENT_SEND_WINDOW_MILLIS, javaType = "java.time.Duration",
              description = "The window of clientSendLimit.")
    private long clientSendWindow = DEFAULT_CLIENT_SEND_WINDOW_MILLIS;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_ACCOUNT_SEND_LIMIT,
              description = "The most sends of the whole account in accountSendWindow; 0 turns it off.")
    private int accountSendLimit = DEFAULT_ACCOUNT_SEND_LIMIT;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_ACCOUNT_SEND_WINDOW_MILLIS, javaType = "java.time.Duration",
              description = "The window of accountSendLimit.")
    private long accountSendWindow = DEFAULT_ACCOUNT_SEND_WINDOW_MILLIS;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_FAILED_VALIDATION_LIMIT,
              description = "The most wrong codes for one phone and application id in failedValidationWindow; 0 turns"
                            + " it off.")
    private int failedValidationLimit = DEFAULT_FAILED_VALIDATION_LIMIT;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_FAILED_VALIDATION_WINDOW_MILLIS,
              javaType = "java.time.Duration",
              description = "The window of failedValidationLimit.")
    private long failedValidationWindow = DEFAULT_FAILED_VALIDATION_WINDOW_MILLIS;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_CLIENT_VALIDATION_LIMIT,
              description = "The most validates for one client key (the CamelTextMeOtpClientKey header) in"
                            + " clientValidationWindow, right or wrong, whatever the phone; 0 turns it off.")
    private int clientValidationLimit = DEFAULT_CLIENT_VALIDATION_LIMIT;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_CLIENT_VALIDATION_WINDOW_MILLIS,
              javaType = "java.time.Duration",
              description = "The window of clientValidationLimit.")
    private long clientValidationWindow = DEFAULT_CLIENT_VALIDATION_WINDOW_MILLIS;

    @UriParam(label = "limits", defaultValue = "" + DEFAULT_FALLBACK_TO_MEMORY,
              description = "Whether, while the limitStore is unreachable, to count the limits in this JVM's memory"
                            + " instead of refusing every exchange with TextMeOtpLimitStoreException. The service stays"
                            + " available, but each instance counts alone until the store answers again.")
    private boolean fallbackToMemory = DEFAULT_FALLBACK_TO_MEMORY;

    /** A copy, so that an endpoint can override options without touching the component's. */
    public TextMeOtpConfiguration copy() {
        try {
            return (TextMeOtpConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Checks the options an endpoint needs, so that a misconfigured endpoint fails when it is created rather than on
     * its first message: the credentials, the base URL, the proxy, the timeouts, the limits and, for send, the sender
     * and the code's settings.
     *
     * @throws TextMeOtpValidationException naming the first option that does not hold and its rule
     */
    public void check() {
        TextMeOtpOptionChecks.check(this);
    }

    /** The URL requests are posted to: the base URL, or its {@code /test} dry run in test mode. */
    public String apiUrl() {
        if (!testMode) {
            return baseUrl;
        }
        return baseUrl.endsWith("/") ? baseUrl + "test" : baseUrl + "/test";
    }

    /** Whether calls go through a proxy: a proxy host is set (the endpoint's checks then require its port). */
    public boolean usesProxy() {
        return proxyHost != null && !proxyHost.isBlank();
    }

    public TextMeOtpOperation getOperation() {
        return operation;
    }

    public void setOperation(TextMeOtpOperation operation) {
        this.operation = operation;
    }

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

    public int getAppId() {
        return appId;
    }

    public void setAppId(int appId) {
        this.appId = appId;
    }

    public int getMaxTries() {
        return maxTries;
    }

    public void setMaxTries(int maxTries) {
        this.maxTries = maxTries;
    }

    public int getValidTime() {
        return validTime;
    }

    public void setValidTime(int validTime) {
        this.validTime = validTime;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isTestMode() {
        return testMode;
    }

    public void setTestMode(boolean testMode) {
        this.testMode = testMode;
    }

    public boolean isThrowOnInvalidCode() {
        return throwOnInvalidCode;
    }

    public void setThrowOnInvalidCode(boolean throwOnInvalidCode) {
        this.throwOnInvalidCode = throwOnInvalidCode;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
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

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public boolean isLimitsEnabled() {
        return limitsEnabled;
    }

    public void setLimitsEnabled(boolean limitsEnabled) {
        this.limitsEnabled = limitsEnabled;
    }

    public long getResendInterval() {
        return resendInterval;
    }

    public void setResendInterval(long resendInterval) {
        this.resendInterval = resendInterval;
    }

    public int getPhoneSendLimit() {
        return phoneSendLimit;
    }

    public void setPhoneSendLimit(int phoneSendLimit) {
        this.phoneSendLimit = phoneSendLimit;
    }

    public long getPhoneSendWindow() {
        return phoneSendWindow;
    }

    public void setPhoneSendWindow(long phoneSendWindow) {
        this.phoneSendWindow = phoneSendWindow;
    }

    public int getClientSendLimit() {
        return clientSendLimit;
    }

    public void setClientSendLimit(int clientSendLimit) {
        this.clientSendLimit = clientSendLimit;
    }

    public long getClientSendWindow() {
        return clientSendWindow;
    }

    public void setClientSendWindow(long clientSendWindow) {
        this.clientSendWindow = clientSendWindow;
    }

    public int getAccountSendLimit() {
        return accountSendLimit;
    }

    public void setAccountSendLimit(int accountSendLimit) {
        this.accountSendLimit = accountSendLimit;
    }

    public long getAccountSendWindow() {
        return accountSendWindow;
    }

    public void setAccountSendWindow(long accountSendWindow) {
        this.accountSendWindow = accountSendWindow;
    }

    public int getFailedValidationLimit() {
        return failedValidationLimit;
    }

    public void setFailedValidationLimit(int failedValidationLimit) {
        this.failedValidationLimit = failedValidationLimit;
    }

    public long getFailedValidationWindow() {
        return failedValidationWindow;
    }

    public void setFailedValidationWindow(long failedValidationWindow) {
        this.failedValidationWindow = failedValidationWindow;
    }

    public int getClientValidationLimit() {
        return clientValidationLimit;
    }

    public void setClientValidationLimit(int clientValidationLimit) {
        this.clientValidationLimit = clientValidationLimit;
    }

    public long getClientValidationWindow() {
        return clientValidationWindow;
    }

    public void setClientValidationWindow(long clientValidationWindow) {
        this.clientValidationWindow = clientValidationWindow;
    }

    public boolean isFallbackToMemory() {
        return fallbackToMemory;
    }

    public void setFallbackToMemory(boolean fallbackToMemory) {
        this.fallbackToMemory = fallbackToMemory;
    }
}
