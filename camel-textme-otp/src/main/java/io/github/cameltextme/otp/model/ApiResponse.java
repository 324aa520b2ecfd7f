package io.github.cameltextme.otp.model;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.github.cameltextme.otp.TextMeOtpStatus;

/**
 * TextMe's answer: {@code {"status": 0, "message": "...", "shipment_id": ...}}. The status is an integer from 0 to 999,
 * written as a JSON integer or as a string of plain ASCII digits; unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiResponse(
        @JsonProperty("status") @JsonDeserialize(using = StrictStatus.class) Integer status,
        @JsonProperty("message") String message,
        @JsonProperty("shipment_id") String shipmentId) {

    /**
     * Reads a status written as {@code 0} to {@code 999} without sign, decimals, exponent, padding or leading zeros;
     * anything else is an input mismatch whose message quotes nothing of the value.
     */
    static final class StrictStatus extends StdDeserializer<Integer> {

        /** Plain digits without a leading zero, short enough to be an int; the range is TextMeOtpStatus's. */
        private static final Pattern DIGITS = Pattern.compile("0|[1-9][0-9]{0,8}");

        StrictStatus() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
                // the token's own text: never converted to a number before it is known to be plain digits
                String text = p.getText();
                if (DIGITS.matcher(text).matches()) {
                    int status = Integer.parseInt(text);
                    if (TextMeOtpStatus.isReadable(status)) {
                        return status;
                    }
                }
            }
            return (Integer) ctxt.reportInputMismatch(this, "the status is not an integer from "
                                                            + TextMeOtpStatus.MIN_READABLE + " to "
                                                            + TextMeOtpStatus.MAX_READABLE);
        }
    }
}
