package io.github.cameltextme.otp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * TextMe's answer: {@code {"status": 0, "message": "...", "shipment_id": ...}}. The status may come as a number or a
 * string; unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiResponse(
        @JsonProperty("status") Integer status,
        @JsonProperty("message") String message,
        @JsonProperty("shipment_id") String shipmentId) {
}
