package io.github.cameltextme.otp;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import io.github.cameltextme.otp.util.Masking;
import org.apache.hc.core5.net.InetAddressUtils;

/**
 * The checks of the options, run when an endpoint is created: the endpoint's by {@link TextMeOtpConfiguration#check()}
 * (required credentials, the base URL, the proxy, the timeouts and the limits), and those set on the component only by
 * the component. The options that are also message values (source, appId, maxTries, validTime, text) follow
 * {@link TextMeOtpInputRules}.
 */
final class TextMeOtpOptionChecks {

    /** The scheme and what may be user info after it: everything of the authority up to its last @. */
    private static final Pattern USER_INFO = Pattern.compile("^([^:/?#]*://)[^/?#]*@");

    private TextMeOtpOptionChecks() {
    }

    /** Throws a {@link TextMeOtpValidationException} for the first option that does not hold. */
    static void check(TextMeOtpConfiguration configuration) {
        required("username", configuration.getUsername());
        required("apiToken", configuration.getApiToken());
        baseUrl(configuration.getBaseUrl(), configuration.isAllowInsecureHttp());
        proxy(configuration);
        positive("connectTimeout", configuration.getConnectTimeout());
        positive("responseTimeout", configuration.getResponseTimeout());
        limits(configuration);
        TextMeOtpInputRules.appId(configuration.getAppId());
        if (configuration.getOperation() == TextMeOtpOperation.send) {
            required("source", configuration.getSource());
            TextMeOtpInputRules.source(configuration.getSource());
            TextMeOtpInputRules.maxTries(configuration.getMaxTries());
            TextMeOtpInputRules.validTime(configuration.getValidTime());
            TextMeOtpInputRules.smsText(configuration.getText());
        }
    }

    /** Throws a {@link TextMeOtpValidationException} for the first component-only option that does not hold. */
    static void checkComponentOptions(int maxConnections, long balanceCheckInterval) {
        if (maxConnections < 1) {
            throw new TextMeOtpValidationException("maxConnections", "must be at least 1 (was " + maxConnections + ")");
        }
        positive("balanceCheckInterval", balanceCheckInterval);
    }

    private static void required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new TextMeOtpValidationException(option, "is required: set it on the endpoint (" + option
                                                           + "=...) or on the component (camel.component.textme-otp."
                                                           + kebabCase(option) + "=...)");
        }
    }

    private static void baseUrl(String baseUrl, boolean allowInsecureHttp) {
        String rule = "must be an absolute http or https URL such as " + TextMeOtpConfiguration.DEFAULT_BASE_URL;
        if (baseUrl == null) {
            throw new TextMeOtpValidationException("baseUrl", rule);
        }
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new TextMeOtpValidationException("baseUrl", rule + " (was " + shown(baseUrl) + ")");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // not echoed: user info may hold a password
            throw new TextMeOtpValidationException(
                    "baseUrl", "must not carry user info, a query or a fragment: the token travels in a header");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (!https && !http || uri.getHost() == null || uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new TextMeOtpValidationException("baseUrl", rule + ", with a host and a port from 1 to 65535 (was "
                                                              + shown(baseUrl) + ")");
        }
        if (http && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new TextMeOtpValidationException(
                    "baseUrl", "must be https:// unless its host is loopback (localhost, 127.x.x.x, ::1): over plain"
                               + " http:// the API token would travel unencrypted (was " + shown(baseUrl) + "; set"
                               + " allowInsecureHttp=true only for a trusted network)");
        }
    }

    /** Whether a URI host is this machine, judged without a DNS lookup. */
    /**
     * A baseUrl as an error message may quote it: without anything that could be user info (a password), even where
     * {@link URI} cannot parse the authority, and bounded.
     */
    private static String shown(String baseUrl) {
        return Masking.prefix(USER_INFO.matcher(baseUrl).replaceFirst("$1"));
    }

    private static boolean isLoopback(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(name)) {
            return true;
        }
        // only an IP literal is resolved, which the JDK parses without asking DNS (a name holding a colon is IPv6)
        if (name.indexOf(':') < 0 && !InetAddressUtils.isIPv4Address(name)) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void proxy(TextMeOtpConfiguration configuration) {
        boolean host = configuration.usesProxy();
        if (host != (configuration.getProxyPort() != null)) {
            throw new TextMeOtpValidationException(
                    host ? "proxyPort" : "proxyHost", "is required when " + (host ? "proxyHost" : "proxyPort")
                                                      + " is set: the proxy needs both");
        }
        if (configuration.getProxyPort() != null && (configuration.getProxyPort() < 1 || configuration.getProxyPort() > 65535)) {
            throw new TextMeOtpValidationException(
                    "proxyPort", "must be between 1 and 65535 (was " + configuration.getProxyPort() + ")");
        }
        if (!"http".equals(configuration.getProxyScheme()) && !"https".equals(configuration.getProxyScheme())) {
            throw new TextMeOtpValidationException(
                    "proxyScheme", "must be http or https (was " + Masking.prefix(configuration.getProxyScheme()) + ")");
        }
        boolean user = configuration.getProxyAuthUsername() != null;
        if (user != (configuration.getProxyAuthPassword() != null)) {
            throw new TextMeOtpValidationException(
                    user ? "proxyAuthPassword" : "proxyAuthUsername",
                    "is required when " + (user ? "proxyAuthUsername" : "proxyAuthPassword") + " is set");
        }
        if (user && !host) {
            throw new TextMeOtpValidationException("proxyHost", "is required when proxy credentials are set");
        }
    }

    private static void limits(TextMeOtpConfiguration configuration) {
        if (configuration.getResendInterval() < 0) {
            throw new TextMeOtpValidationException(
                    "resendInterval", "must be 0 (off) or more (was " + configuration.getResendInterval() + " ms)");
        }
        countPerWindow("phoneSendLimit", configuration.getPhoneSendLimit(),
                       "phoneSendWindow", configuration.getPhoneSendWindow());
        countPerWindow("clientSendLimit", configuration.getClientSendLimit(),
                       "clientSendWindow", configuration.getClientSendWindow());
        countPerWindow("accountSendLimit", configuration.getAccountSendLimit(),
                       "accountSendWindow", configuration.getAccountSendWindow());
        countPerWindow("failedValidationLimit", configuration.getFailedValidationLimit(),
                       "failedValidationWindow", configuration.getFailedValidationWindow());
        countPerWindow("clientValidationLimit", configuration.getClientValidationLimit(),
                       "clientValidationWindow", configuration.getClientValidationWindow());
    }

    private static void countPerWindow(String limitOption, int limit, String windowOption, long windowMillis) {
        if (limit < 0) {
            throw new TextMeOtpValidationException(limitOption, "must be 0 (off) or more (was " + limit + ")");
        }
        if (limit > 0) {
            positive(windowOption, windowMillis);
        }
    }

    private static void positive(String option, long millis) {
        if (millis <= 0) {
            throw new TextMeOtpValidationException(option, "must be more than 0 ms (was " + millis + ")");
        }
    }

    /** An option's name as a Camel property name takes it: {@code apiToken} becomes {@code api-token}. */
    private static String kebabCase(String option) {
        StringBuilder kebab = new StringBuilder(option.length() + 4);
        for (char c : option.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }
}
