package io.github.cameltextme.otp;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code textme-otp} component. Headers in override the endpoint's options for one exchange;
 * headers out describe TextMe's answer.
 */
public final class TextMeOtpConstants {

    @Metadata(label = "producer", javaType = "String",
              description = "The phone to send to or validate for; overrides the body.")
    public static final String PHONE = "CamelTextMeOtpPhone";

    @Metadata(label = "producer", javaType = "String",
              description = "The 6-digit code the user typed; overrides the body. Removed once validate has run.")
    public static final String CODE = "CamelTextMeOtpCode";

    @Metadata(label = "producer", javaType = "String",
              description = "The sender shown on the phone; overrides the source option.")
    public static final String SOURCE = "CamelTextMeOtpSource";

    @Metadata(label = "producer", javaType = "Integer",
              description = "The application id; overrides the appId option.")
    public static final String APP_ID = "CamelTextMeOtpAppId";

    @Metadata(label = "producer", javaType = "Integer",
              description = "How many attempts the code allows; overrides the maxTries option.")
    public static final String MAX_TRIES = "CamelTextMeOtpMaxTries";

    @Metadata(label = "producer", javaType = "Integer",
              description = "How many minutes the code stays valid; overrides the validTime option.")
    public static final String VALID_TIME = "CamelTextMeOtpValidTime";

    @Metadata(label = "producer", javaType = "String",
              description = "The SMS text, with the code placeholder; overrides the text option.")
    public static final String TEXT = "CamelTextMeOtpText";

    @Metadata(label = "producer", javaType = "String",
              description = "Who is asking, counted by clientSendLimit and clientValidationLimit. Set by the route,"
                            + " never from the caller's data.")
    public static final String CLIENT_KEY = "CamelTextMeOtpClientKey";

    @Metadata(label = "producer", javaType = "Integer",
              description = "TextMe's status code; 0 is success.")
    public static final String STATUS = "CamelTextMeOtpStatus";

    @Metadata(label = "producer", javaType = "String",
              description = "TextMe's message, with any code or token hidden and the phone masked.")
    public static final String MESSAGE = "CamelTextMeOtpMessage";

    @Metadata(label = "producer", javaType = "Boolean",
              description = "Whether the code was accepted.")
    public static final String VALID = "CamelTextMeOtpValid";

    @Metadata(label = "producer", javaType = "String",
              description = "TextMe's shipment id, when TextMe gives one.")
    public static final String SHIPMENT_ID = "CamelTextMeOtpShipmentId";

    private TextMeOtpConstants() {
    }
}
