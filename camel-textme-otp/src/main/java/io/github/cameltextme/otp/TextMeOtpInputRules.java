package io.github.cameltextme.otp;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import io.github.cameltextme.otp.util.Masking;
import org.apache.hc.core5.net.InetAddressUtils;

/**
 * The TextMe API's rules for every value the component sends, checked before anything is sent. Each method takes a
 * raw value (an option, a header or a Map body entry) and returns its canonical form, or throws a
 * {@link TextMeOtpValidationException} naming the field and the rule.
 */
final class TextMeOtpInputRules {

    private static final String CODE_PLACEHOLDER = "[code]";
    private static final int MAX_TEXT_LENGTH = 1005;
    private static final int MAX_ALPHANUMERIC_SOURCE_LENGTH = 11;
    private static final int MAX_NUMERIC_SOURCE_DIGITS = 15;

    private static final String ISRAEL_COUNTRY_CODE = "972";
    private static final String INTERNATIONAL_PREFIX = "00";
    private static final int NATIONAL_MOBILE_DIGITS = 9;
    private static final int MAX_PHONE_INPUT_LENGTH = 32;
    private static final int CODE_DIGITS = 6;
    private static final String PHONE_RULE = "must be an Israeli mobile number: 05 and 8 more digits (spaces, dashes,"
                                             + " dots and brackets allowed), or +972, 972 or 00972 in place of the 0";

    private TextMeOtpInputRules() {
    }

    /** An Israeli mobile number as people write it, in its canonical form {@code 05XXXXXXXX}. */
    static String phone(Object raw) {
        String text = text("phone", raw).strip();
        if (text.isEmpty()) {
            throw new TextMeOtpValidationException("phone", "must not be blank");
        }
        String national = text.length() <= MAX_PHONE_INPUT_LENGTH ? nationalMobileNumber(text) : null;
        if (national == null) {
            throw new TextMeOtpValidationException("phone", PHONE_RULE + " (was " + Masking.phone(text) + ")");
        }
        return "0" + national;
    }

    /** A one-time code: exactly 6 digits, leading zeros kept. The code itself never appears in an error. */
    static String code(Object raw) {
        String code = text("code", raw).strip();
        if (code.length() != CODE_DIGITS || !isAsciiDigits(code)) {
            throw new TextMeOtpValidationException("code", "must be exactly " + CODE_DIGITS + " digits");
        }
        return code;
    }

    /** The sender: 1 to 11 English letters or digits, or a phone number of up to 15 digits with an optional +. */
    static String source(Object raw) {
        String source = text("source", raw).strip();
        if (source.isEmpty()) {
            throw new TextMeOtpValidationException("source", "must not be blank");
        }
        boolean alphanumeric = source.length() <= MAX_ALPHANUMERIC_SOURCE_LENGTH && isAsciiLettersOrDigits(source);
        String digits = source.startsWith("+") ? source.substring(1) : source;
        boolean numeric = !digits.isEmpty() && digits.length() <= MAX_NUMERIC_SOURCE_DIGITS && isAsciiDigits(digits);
        if (!alphanumeric && !numeric) {
            throw new TextMeOtpValidationException("source", "must be at most " + MAX_ALPHANUMERIC_SOURCE_LENGTH
                                                             + " English letters or digits, or a phone number of at most "
                                                             + MAX_NUMERIC_SOURCE_DIGITS + " digits");
        }
        return source;
    }

    /** The SMS text: contains {@code [code]} and is at most 1005 characters; {@code null} stays {@code null}. */
    static String smsText(Object raw) {
        if (raw == null) {
            return null;
        }
        String text = text("text", raw);
        if (!text.contains(CODE_PLACEHOLDER)) {
            throw new TextMeOtpValidationException("text", "must contain " + CODE_PLACEHOLDER + ", where TextMe puts the code");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_LENGTH) {
            throw new TextMeOtpValidationException(
                    "text", "must be at most " + MAX_TEXT_LENGTH + " characters (was " + length + ")");
        }
        return text;
    }

    static int appId(Object raw) {
        int appId = wholeNumber("appId", raw);
        if (appId < 1) {
            throw new TextMeOtpValidationException("appId", "must be at least 1 (was " + appId + ")");
        }
        return appId;
    }

    static int maxTries(Object raw) {
        return inRange("maxTries", raw, 3, 5);
    }

    static int validTime(Object raw) {
        return inRange("validTime", raw, 1, 15);
    }

    /** Checks the options an endpoint needs, so that a misconfigured endpoint fails when it is created. */
    static void checkEndpointOptions(TextMeOtpConfiguration configuration) {
        required("username", configuration.getUsername());
        required("apiToken", configuration.getApiToken());
        baseUrl(configuration.getBaseUrl(), configuration.isAllowInsecureHttp());
        proxy(configuration);
        positive("connectTimeout", configuration.getConnectTimeout());
        positive("responseTimeout", configuration.getResponseTimeout());
        limits(configuration);
        appId(configuration.getAppId());
        if (configuration.getOperation() == TextMeOtpOperation.send) {
            required("source", configuration.getSource());
            source(configuration.getSource());
            maxTries(configuration.getMaxTries());
            validTime(configuration.getValidTime());
            smsText(configuration.getText());
        }
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
            throw new TextMeOtpValidationException("baseUrl", rule + " (was " + baseUrl + ")");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // not echoed: user info may hold a password
            throw new TextMeOtpValidationException(
                    "baseUrl", "must not carry user info, a query or a fragment: the token travels in a header");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (!https && !http || uri.getHost() == null) {
            throw new TextMeOtpValidationException("baseUrl", rule + " (was " + baseUrl + ")");
        }
        if (http && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new TextMeOtpValidationException(
                    "baseUrl", "must be https:// unless its host is loopback (localhost, 127.x.x.x, ::1): over plain"
                               + " http:// the API token would travel unencrypted (was " + baseUrl + "; set"
                               + " allowInsecureHttp=true only for a trusted network)");
        }
    }

    /** Whether a URI host is this machine, judged without a DNS lookup. */
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
                    "proxyScheme", "must be http or https (was " + configuration.getProxyScheme() + ")");
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

    private static int inRange(String field, Object raw, int min, int max) {
        int value = wholeNumber(field, raw);
        if (value < min || value > max) {
            throw new TextMeOtpValidationException(
                    field, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    private static String text(String field, Object raw) {
        if (raw instanceof CharSequence text) {
            return text.toString();
        }
        if (isWholeNumberType(raw)) {
            return raw.toString();
        }
        throw new TextMeOtpValidationException(field, "must be text or a whole number"
                                                      + (raw == null ? "" : " (was a " + raw.getClass().getName() + ")"));
    }

    private static int wholeNumber(String field, Object raw) {
        String text = text(field, raw).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TextMeOtpValidationException(field, "must be a whole number (was '" + text + "')");
        }
    }

    private static boolean isWholeNumberType(Object raw) {
        return raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte
               || raw instanceof BigInteger;
    }

    /**
     * The 9 national digits of an Israeli mobile number, starting with 5, or {@code null} when the text is not one.
     * Accepts spaces, dashes, dots and brackets between digits, a leading + or 00 before 972, and the trunk 0.
     */
    private static String nationalMobileNumber(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        String number = digits.toString();
        if (plus) {
            if (!number.startsWith(ISRAEL_COUNTRY_CODE)) {
                return null;
            }
            number = number.substring(ISRAEL_COUNTRY_CODE.length());
        } else if (number.startsWith(INTERNATIONAL_PREFIX + ISRAEL_COUNTRY_CODE)) {
            number = number.substring(INTERNATIONAL_PREFIX.length() + ISRAEL_COUNTRY_CODE.length());
        } else if (number.startsWith(ISRAEL_COUNTRY_CODE) && number.length() > NATIONAL_MOBILE_DIGITS + 1) {
            number = number.substring(ISRAEL_COUNTRY_CODE.length());
        }
        if (number.startsWith("0")) {
            number = number.substring(1);
        }
        boolean mobile = number.length() == NATIONAL_MOBILE_DIGITS && number.charAt(0) == '5';
        return mobile ? number : null;
    }

    private static boolean isAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLettersOrDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

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
