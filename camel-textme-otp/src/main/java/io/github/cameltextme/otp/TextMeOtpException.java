package io.github.cameltextme.otp;

import org.apache.camel.RuntimeCamelException;

/**
 * Every failure of the {@code textme-otp} component: bad input, an API failure status, or a transport failure. Messages
 * never contain the API token or an OTP code.
 */
public class TextMeOtpException extends RuntimeCamelException {

    public TextMeOtpException(String message) {
        super(message);
    }

    public TextMeOtpException(String message, Throwable cause) {
        super(message, cause);
    }
}
