package io.github.cameltextme.otp.springboot;

import java.time.Duration;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Send SMS one-time passwords and validate the codes users type, through the TextMe API (Israel). The
 * {@code camel.component.textme-otp.*} properties configure the component; every endpoint starts from them and may
 * override them.
 */
@ConfigurationProperties(prefix = "camel.component.textme-otp")
public class TextMeOtpComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The TextMe account's username, sent in every request as user.username. Required.
     */
    private String username;
    /**
     * The TextMe API token, sent as an Authorization: Bearer header. Required. The component never logs it nor puts it
     * in exceptions or results; keep it in an environment variable or a vault.
     */
    private String apiToken;
    /**
     * send: the sender shown on the phone, a sender verified on the account (at most 11 English letters or digits, or
     * a phone number). Required for send.
     */
    private String source;
    /**
     * The application id, which keeps the OTPs of different applications for the same phone apart. At least 1.
     */
    private Integer appId = 1;
    /**
     * send: how many attempts the code allows, 3 to 5.
     */
    private Integer maxTries = 3;
    /**
     * send: how many minutes the code stays valid, 1 to 15.
     */
    private Integer validTime = 5;
    /**
     * send: the SMS text. It must contain [code], which TextMe replaces with the code, and be at most 1005
     * characters. When not set, TextMe's own default text is used.
     */
    private String text;
    /**
     * Call TextMe's dry-run endpoint (the base URL with /test appended), which answers like the live one but sends no
     * SMS and charges nothing.
     */
    private Boolean testMode = false;
    /**
     * validate: raise TextMeOtpInvalidCodeException when the code is not accepted, instead of returning a result with
     * valid=false.
     */
    private Boolean throwOnInvalidCode = false;
    /**
     * The TextMe API URL; change it to point the component at a simulator or a test server.
     */
    private String baseUrl = "https://my.textme.co.il/api";
    /**
     * How long to wait for a connection to TextMe, for a free connection of the pool, then for the TCP/TLS connection
     * (a number is milliseconds; 5s, 1m are durations).
     */
    private Duration connectTimeout = Duration.ofSeconds(5);
    /**
     * How long to wait for TextMe's answer once the request is sent (a number is milliseconds; 15s, 1m are
     * durations).
     */
    private Duration responseTimeout = Duration.ofSeconds(15);
    /**
     * Whether the producer should be started lazy (on the first message), so that a route can start even when the
     * producer cannot; a failure then shows on the first message, where Camel's error handlers can handle it.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled: options marked as autowired are looked up in the registry when a single instance
     * of their type is there.
     */
    private Boolean autowiredEnabled = true;

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
}
