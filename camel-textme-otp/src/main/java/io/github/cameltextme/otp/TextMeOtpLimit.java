package io.github.cameltextme.otp;

/**
 * The limits a {@code textme-otp} endpoint holds exchanges to, each named after the options that set it.
 */
public enum TextMeOtpLimit {

    /** {@code resendInterval}: the shortest time between two sends to one phone and application id. */
    RESEND_INTERVAL,

    /** {@code phoneSendLimit} per {@code phoneSendWindow}: sends to one phone and application id. */
    PHONE_SENDS,

    /** {@code clientSendLimit} per {@code clientSendWindow}: sends for one client key (the caller). */
    CLIENT_SENDS,

    /** {@code accountSendLimit} per {@code accountSendWindow}: sends of the whole account, every phone together. */
    ACCOUNT_SENDS,

    /** {@code failedValidationLimit} per {@code failedValidationWindow}: wrong codes for one phone and application id. */
    FAILED_VALIDATIONS,

    /** {@code clientValidationLimit} per {@code clientValidationWindow}: validates for one client key (the caller). */
    CLIENT_VALIDATIONS
}
