package io.github.cameltextme.otp.model;

import io.github.cameltextme.otp.TextMeOtpOperation;

/**
 * A request body for the TextMe API. Each implementation names its root element with {@code @JsonRootName}.
 */
public sealed interface ApiRequest permits SendOtpRequest, ValidateOtpRequest {

    /** The operation this request performs. */
    TextMeOtpOperation operation();

    /** The canonical phone the request is about. */
    String phone();
}
