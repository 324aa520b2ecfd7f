package io.github.cameltextme.otp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.cameltextme.otp.util.Masking;

/**
 * The message body after a {@code textme-otp} call: TextMe's answer and the normalized phone, never the code. Jackson
 * serializes it to {@code {"operation":"validate","status":0,"message":"...","valid":true,"phone":"0521234567"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "operation", "status", "message", "valid", "shipmentId", "phone" })
public final class TextMeOtpResult {

    private final TextMeOtpOperation operation;
    private final int status;
    private final String message;
    private final Boolean valid;
    private final String shipmentId;
    private final String phone;

    public TextMeOtpResult(TextMeOtpOperation operation, int status, String message, Boolean valid, String shipmentId,
                           String phone) {
        this.operation = operation;
        this.status = status;
        this.message = message;
        this.valid = valid;
        this.shipmentId = shipmentId;
        this.phone = phone;
    }

    /** The operation that ran. */
    public TextMeOtpOperation getOperation() {
        return operation;
    }

    /**
     * TextMe's status: {@link TextMeOtpStatus#SUCCESS}, or {@link TextMeOtpStatus#INVALID_CODE} for a code not
     * accepted on validate.
     */
    public int getStatus() {
        return status;
    }

    /** TextMe's message, with any code or token in it hidden and the phone masked. */
    public String getMessage() {
        return message;
    }

    /** validate: whether the code was accepted; {@code null} for send. */
    public Boolean getValid() {
        return valid;
    }

    /** send: TextMe's shipment id, or {@code null} when TextMe gave none. */
    public String getShipmentId() {
        return shipmentId;
    }

    /** The phone in its canonical form, {@code 05XXXXXXXX}. */
    public String getPhone() {
        return phone;
    }

    @Override
    public String toString() {
        return "TextMeOtpResult[operation=" + operation + ", status=" + status + ", message=" + message
               + (valid != null ? ", valid=" + valid : "")
               + (shipmentId != null ? ", shipmentId=" + shipmentId : "")
               + ", phone=" + Masking.phone(phone) + "]";
    }
}
