package io.github.cameltextme.examples.springboot;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of {@code POST /otp/send}: the phone in its canonical form, and TextMe's shipment id when it gives one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendResponse(boolean sent, String phone, String shipmentId) {
}
