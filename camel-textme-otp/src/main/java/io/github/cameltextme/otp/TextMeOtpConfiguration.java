package io.github.cameltextme.otp;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

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

    /** A copy, so that an endpoint can override options without touching the component's. */
    public TextMeOtpConfiguration copy() {
        try {
            return (TextMeOtpConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The URL requests are posted to: the base URL, or its {@code /test} dry run in test mode. */
    public String apiUrl() {
        if (!testMode) {
            return baseUrl;
        }
        return baseUrl.endsWith("/") ? baseUrl + "test" : baseUrl + "/test";
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
}
