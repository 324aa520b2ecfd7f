package io.github.cameltextme.otp.simulator;

/** Codes are kept per account, application and phone (canonical nine digits). */
record OtpKey(String username, int appId, String phone) {
}
