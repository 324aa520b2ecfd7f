package io.github.cameltextme.otp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.cameltextme.otp.model.ApiUser;
import io.github.cameltextme.otp.model.SendOtpRequest;
import io.github.cameltextme.otp.model.ValidateOtpRequest;
import org.apache.camel.Message;

/**
 * Builds a checked API request from a message. The phone and the code come from their header, else the body (a
 * {@code String}/number body is the phone for send and the code for validate; a {@code Map} body may carry
 * {@code phone} and {@code code}). Every other value comes from its header, else the endpoint's options (which start
 * from the component's): never from the body, which carries the caller's data, so that a caller cannot choose the SMS
 * text or the sender.
 */
final class TextMeOtpRequestFactory {

    private final TextMeOtpConfiguration configuration;
    private final ApiUser user;

    TextMeOtpRequestFactory(TextMeOtpConfiguration configuration) {
        this.configuration = configuration;
        this.user = new ApiUser(configuration.getUsername());
    }

    SendOtpRequest sendRequest(Message message) {
        MessageFields fields = new MessageFields(message);
        return new SendOtpRequest(
                user,
                TextMeOtpInputRules.phone(fields.required(TextMeOtpConstants.PHONE, "phone", true)),
                TextMeOtpInputRules.source(fields.setting(TextMeOtpConstants.SOURCE, configuration.getSource())),
                TextMeOtpInputRules.appId(fields.setting(TextMeOtpConstants.APP_ID, configuration.getAppId())),
                TextMeOtpInputRules.maxTries(fields.setting(TextMeOtpConstants.MAX_TRIES, configuration.getMaxTries())),
                TextMeOtpInputRules.validTime(fields.setting(TextMeOtpConstants.VALID_TIME, configuration.getValidTime())),
                TextMeOtpInputRules.smsText(fields.setting(TextMeOtpConstants.TEXT, configuration.getText())));
    }

    ValidateOtpRequest validateRequest(Message message) {
        MessageFields fields = new MessageFields(message);
        return new ValidateOtpRequest(
                user,
                TextMeOtpInputRules.phone(fields.required(TextMeOtpConstants.PHONE, "phone", false)),
                TextMeOtpInputRules.appId(fields.setting(TextMeOtpConstants.APP_ID, configuration.getAppId())),
                TextMeOtpInputRules.code(fields.required(TextMeOtpConstants.CODE, "code", true)));
    }

    /** The values a message offers: headers first, then the body for the caller's data. */
    private static final class MessageFields {

        /** The route author's settings, with the header or option that sets each, refused in a Map body. */
        private static final List<Map.Entry<String, String>> SETTINGS_NOT_IN_BODY = List.of(
                Map.entry("source", TextMeOtpConstants.SOURCE + " header or the source option"),
                Map.entry("text", TextMeOtpConstants.TEXT + " header or the text option"),
                Map.entry("appId", TextMeOtpConstants.APP_ID + " header or the appId option"),
                Map.entry("maxTries", TextMeOtpConstants.MAX_TRIES + " header or the maxTries option"),
                Map.entry("validTime", TextMeOtpConstants.VALID_TIME + " header or the validTime option"));

        private final Message message;
        private final Map<String, Object> bodyMap;
        private final Object bodyScalar;

        MessageFields(Message message) {
            this.message = message;
            Object body = message.getBody();
            this.bodyMap = body instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
            this.bodyScalar = body instanceof CharSequence || body instanceof Number ? body : null;
            refuseSettingsInBody();
        }

        /**
         * The entries of a Map body under a String key: only those can name a field, and a sorted map of other keys
         * would throw on a String lookup.
         */
        private static Map<String, Object> stringKeys(Map<?, ?> body) {
            Map<String, Object> keyed = new HashMap<>();
            for (Map.Entry<?, ?> entry : body.entrySet()) {
                if (entry.getKey() instanceof String key) {
                    keyed.put(key, entry.getValue());
                }
            }
            return keyed;
        }

        /** A route author's setting: the header, else the option. */
        Object setting(String header, Object option) {
            Object value = message.getHeader(header);
            return value != null ? value : option;
        }

        /**
         * The caller's data: the header, else the Map body's key, else (when the operation reads this field from a
         * plain body) a String or number body; absent from all of them is an error.
         */
        Object required(String header, String key, boolean fromPlainBody) {
            Object value = message.getHeader(header);
            if (value == null) {
                value = bodyMap.get(key);
            }
            if (value == null && fromPlainBody) {
                value = bodyScalar;
            }
            if (value == null) {
                throw new TextMeOtpValidationException(key, "is required: set the " + header + " header, "
                                                            + (fromPlainBody ? "send it as a String or number body, " : "")
                                                            + "or put '" + key + "' in a Map body");
            }
            return value;
        }

        private void refuseSettingsInBody() {
            if (bodyMap.isEmpty()) {
                return;
            }
            for (Map.Entry<String, String> setting : SETTINGS_NOT_IN_BODY) {
                if (bodyMap.containsKey(setting.getKey())) {
                    throw new TextMeOtpValidationException(
                            setting.getKey(), "cannot come from the message body, which carries the caller's data (only"
                                              + " phone and code): set the " + setting.getValue());
                }
            }
        }
    }
}
