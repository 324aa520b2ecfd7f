package io.github.cameltextme.otp.model;

import io.github.cameltextme.otp.TextMeOtpOperation;

/**
 * A request body for the TextMe API. Each implementation names its root element with {@code @JsonRootName}.
 */
public sealed interface ApiRequest permits SendOtpRequest, ValidateOtpRequest, BalanceRequest {

    /** The operation this request performs; {@code null} for the health check's balance call. */
    TextMeOtpOperation operation();

    /** The root element of the body, which selects the command in the TextMe API. */
    String apiCommand();
}
