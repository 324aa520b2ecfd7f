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

    @UriPath(description = "The operation: send an OTP by SMS, or validate a code the user typed.",
             enums = "send,validate")
    @Metadata(required = true)
    private TextMeOtpOperation operation;

    @UriParam(label = "security",
              description = "The TextMe account's username, sent in every request as user.username.")
    @Metadata(required = true)
    private String username;

    @UriParam(label = "security", secret = true,
              description = "The TextMe API token, sent as an Authorization: Bearer header. The component never logs"
                            + " it nor puts it in exceptions or results, and Camel masks it in the endpoint URIs it"
                            + " shows. Prefer setting it on the component.")
    @Metadata(required = true)
    private String apiToken;

    @UriParam(label = "producer",
              description = "send: the sender shown on the phone, a sender verified on the account (at most 11 English"
                            + " letters or digits, or a phone number). Required for send.")
    private String source;

    @UriParam(label = "producer", defaultValue = "1",
              description = "The application id, which keeps the OTPs of different applications for the same phone"
                            + " apart. At least 1.")
    private int appId = 1;

    @UriParam(label = "producer", defaultValue = "3",
              description = "send: how many attempts the code allows, 3 to 5.")
    private int maxTries = 3;

    @UriParam(label = "producer", defaultValue = "5",
              description = "send: how many minutes the code stays valid, 1 to 15.")
    private int validTime = 5;

    @UriParam(label = "producer",
              description = "send: the SMS text. It must contain the placeholder code in square brackets, which TextMe"
                            + " replaces with the code, and be at most 1005 characters. When not set, TextMe's own"
                            + " default text is used.")
    private String text;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Call TextMe's dry-run endpoint (the base URL with /test appended), which answers like the"
                            + " live one but sends no SMS and charges nothing.")
    private boolean testMode;

    @UriParam(label = "producer", defaultValue = "false",
              description = "validate: raise TextMeOtpInvalidCodeException when the code is not accepted, instead of"
                            + " returning a result with valid=false.")
    private boolean throwOnInvalidCode;

    @UriParam(label = "advanced", defaultValue = DEFAULT_BASE_URL,
              description = "The TextMe API URL; change it to point the component at a simulator or a test server.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "advanced", defaultValue = "5000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to TextMe, in milliseconds (or a duration such as 5s):"
                            + " for a free connection of the pool, then for the TCP/TLS connection.")
    private long connectTimeout = 5000;

    @UriParam(label = "advanced", defaultValue = "15000", javaType = "java.time.Duration",
              description = "How long to wait for TextMe's answer once the request is sent, in milliseconds (or a"
                            + " duration such as 15s).")
    private long responseTimeout = 15000;

    @UriParam(label = "security", defaultValue = "false",
              description = "Accept an http:// baseUrl whose host is not loopback. Without it only https://, or http://"
                            + " to localhost or a loopback address (127.x.x.x, ::1), is accepted, because over http://"
                            + " the API token travels unencrypted. Set it only for a trusted network.")
    private boolean allowInsecureHttp;

    @UriParam(label = "security",
              description = "The TLS settings (trust store, key store, protocols) for the connections to TextMe. When"
                            + " not set, the component's global SSL context parameters (if enabled) or the JVM's default"
                            + " trust apply. An endpoint with its own parameters gets its own connection pool.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy", description = "The host of the HTTP proxy to reach TextMe through.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The port of the HTTP proxy.")
    private Integer proxyPort;

    @UriParam(label = "proxy", enums = "http,https", defaultValue = "http",
              description = "How to talk to the proxy itself: http (usual; https calls still go through a CONNECT"
                            + " tunnel) or https.")
    private String proxyScheme = "http";

    @UriParam(label = "proxy", secret = true,
              description = "The username for the proxy, sent when the proxy asks for credentials (Basic or Digest).")
    private String proxyAuthUsername;

    @UriParam(label = "proxy", secret = true, description = "The password for the proxy.")
    private String proxyAuthPassword;

    @UriParam(label = "limits", defaultValue = "true",
              description = "Enforce the send limits and the wrong-code lockout below. Turn off only when something"
                            + " in front of the route limits sends to a phone, a client and the account.")
    private boolean limitsEnabled = true;

    @UriParam(label = "limits", defaultValue = "30000", javaType = "java.time.Duration",
              description = "The shortest time between two sends to one phone and application id; 0 turns it off.")
    private long resendInterval = 30_000;

    @UriParam(label = "limits", defaultValue = "5",
              description = "The most sends to one phone and application id in phoneSendWindow; 0 turns it off.")
    private int phoneSendLimit = 5;

    @UriParam(label = "limits", defaultValue = "600000", javaType = "java.time.Duration",
              description = "The window of phoneSendLimit.")
    private long phoneSendWindow = 600_000;

    @UriParam(label = "limits", defaultValue = "0",
              description = "The most sends for one client key (the CamelTextMeOtpClientKey header) in"
                            + " clientSendWindow; 0 (the default) turns it off. Sends without the header are not"
                            + " counted here.")
    private int clientSendLimit;

    @UriParam(label = "limits", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "The window of clientSendLimit.")
    private long clientSendWindow = 3_600_000;

    @UriParam(label = "limits", defaultValue = "0",
              description = "The most sends of the whole account, every phone together, in accountSendWindow; 0 (the"
                            + " default) turns it off. The budget guard against SMS pumping.")
    private int accountSendLimit;

    @UriParam(label = "limits", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "The window of accountSendLimit.")
    private long accountSendWindow = 3_600_000;

    @UriParam(label = "limits", defaultValue = "10",
              description = "The most wrong codes for one phone and application id in failedValidationWindow; once"
                            + " reached, validate is refused without calling TextMe until the window has passed. A"
                            + " valid code clears the count; 0 turns it off.")
    private int failedValidationLimit = 10;

    @UriParam(label = "limits", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "The window of failedValidationLimit.")
    private long failedValidationWindow = 3_600_000;

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
}
