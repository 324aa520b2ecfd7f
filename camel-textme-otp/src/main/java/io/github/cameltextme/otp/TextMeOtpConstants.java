package io.github.cameltextme.otp;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code textme-otp} component. Headers in override the endpoint's options for one exchange;
 * headers out describe TextMe's answer.
 */
public final class TextMeOtpConstants {

    @Metadata(label = "producer", javaType = "String",
              description = "The phone to send to or validate for: an Israeli mobile number as people write it,"
                            + " nationally or with the 972 country code (0521234567, 052-123-4567, 00972521234567)."
                            + " Overrides the body.")
    public static final String PHONE = "CamelTextMeOtpPhone";

    @Metadata(label = "producer", javaType = "String",
              description = "validate: the 6-digit code the user typed. Overrides the body. Removed from the message"
                            + " once validate has run, so that a later step cannot log it.")
    public static final String CODE = "CamelTextMeOtpCode";

    @Metadata(label = "producer", javaType = "String",
              description = "send: the sender shown on the phone, overriding the source option.")
    public static final String SOURCE = "CamelTextMeOtpSource";

    @Metadata(label = "producer", javaType = "Integer",
              description = "The application id, overriding the appId option.")
    public static final String APP_ID = "CamelTextMeOtpAppId";

    @Metadata(label = "producer", javaType = "Integer",
              description = "send: how many attempts the code allows (3-5), overriding the maxTries option.")
    public static final String MAX_TRIES = "CamelTextMeOtpMaxTries";

    @Metadata(label = "producer", javaType = "Integer",
              description = "send: how many minutes the code stays valid (1-15), overriding the validTime option.")
    public static final String VALID_TIME = "CamelTextMeOtpValidTime";

    @Metadata(label = "producer", javaType = "String",
              description = "send: the SMS text, which must contain the placeholder code in square brackets;"
                            + " overrides the text option.")
    public static final String TEXT = "CamelTextMeOtpText";

    @Metadata(label = "producer", javaType = "String",
              description = "send: who is asking (the caller's address, user or session), counted by clientSendLimit."
                            + " Set by the route, never taken from the caller's data; never shown in messages or logs.")
    public static final String CLIENT_KEY = "CamelTextMeOtpClientKey";

    @Metadata(label = "producer", javaType = "Integer",
              description = "Out: TextMe's status code (0 is success; 12 on validate is a code not accepted).")
    public static final String STATUS = "CamelTextMeOtpStatus";

    @Metadata(label = "producer", javaType = "String",
              description = "Out: TextMe's message, with any code or token in it hidden and the phone masked.")
    public static final String MESSAGE = "CamelTextMeOtpMessage";

    @Metadata(label = "producer", javaType = "Boolean",
              description = "Out, validate: whether the code was accepted.")
    public static final String VALID = "CamelTextMeOtpValid";

    @Metadata(label = "producer", javaType = "String",
              description = "Out, send: TextMe's shipment id, when TextMe gives one.")
    public static final String SHIPMENT_ID = "CamelTextMeOtpShipmentId";

    private TextMeOtpConstants() {
    }
}
