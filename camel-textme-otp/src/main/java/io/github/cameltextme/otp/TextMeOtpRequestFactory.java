package io.github.cameltextme.otp;

import java.util.Map;

import io.github.cameltextme.otp.model.ApiUser;
import io.github.cameltextme.otp.model.SendOtpRequest;
import io.github.cameltextme.otp.model.ValidateOtpRequest;
import org.apache.camel.Message;

/**
 * Builds a checked API request from a message. Each value comes from the first place that has it: the header, then
 * the body (a {@code String}/number body is the phone for send and the code for validate; a {@code Map} body may
 * carry any field), then the endpoint's options (which start from the component's).
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
                TextMeOtpInputRules.source(fields.value(TextMeOtpConstants.SOURCE, "source", configuration.getSource())),
                TextMeOtpInputRules.appId(fields.value(TextMeOtpConstants.APP_ID, "appId", configuration.getAppId())),
                TextMeOtpInputRules.maxTries(fields.value(TextMeOtpConstants.MAX_TRIES, "maxTries", configuration.getMaxTries())),
                TextMeOtpInputRules.validTime(fields.value(TextMeOtpConstants.VALID_TIME, "validTime", configuration.getValidTime())),
                TextMeOtpInputRules.smsText(fields.value(TextMeOtpConstants.TEXT, "text", configuration.getText())));
    }

    ValidateOtpRequest validateRequest(Message message) {
        MessageFields fields = new MessageFields(message);
        return new ValidateOtpRequest(
                user,
                TextMeOtpInputRules.phone(fields.required(TextMeOtpConstants.PHONE, "phone", false)),
                TextMeOtpInputRules.appId(fields.value(TextMeOtpConstants.APP_ID, "appId", configuration.getAppId())),
                TextMeOtpInputRules.code(fields.required(TextMeOtpConstants.CODE, "code", true)));
    }

    /** The values a message offers: headers first, then the body. */
    private static final class MessageFields {

        private final Message message;
        private final Map<?, ?> bodyMap;
        private final Object bodyScalar;

        MessageFields(Message message) {
            this.message = message;
            Object body = message.getBody();
            this.bodyMap = body instanceof Map<?, ?> map ? map : Map.of();
            this.bodyScalar = body instanceof CharSequence || body instanceof Number ? body : null;
        }

        /** The header, else the Map body's key, else the fallback. */
        Object value(String header, String key, Object fallback) {
            Object value = message.getHeader(header);
            if (value == null) {
                value = bodyMap.get(key);
            }
            return value != null ? value : fallback;
        }

        /**
         * The header, else the Map body's key, else (when the operation reads this field from a plain body) a String or
         * number body; absent from all of them is an error.
         */
        Object required(String header, String key, boolean fromPlainBody) {
            Object value = value(header, key, fromPlainBody ? bodyScalar : null);
            if (value == null) {
                throw new TextMeOtpValidationException(key, "is required: set the " + header + " header, "
                                                            + (fromPlainBody ? "send it as a String or number body, " : "")
                                                            + "or put '" + key + "' in a Map body");
            }
            return value;
        }
    }
}
