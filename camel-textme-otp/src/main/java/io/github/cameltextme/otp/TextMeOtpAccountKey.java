package io.github.cameltextme.otp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * A TextMe account as the readiness checks share it: the API URL, the username and the token. The token is kept only
 * as an HMAC under a random key made for this JVM, which never leaves it, so the key holds no secret; {@code toString}
 * shows the username and the URL only.
 *
 * @param apiUrl    the URL the balance call goes to
 * @param username  the account's username
 * @param tokenHmac the HMAC-SHA256 of the token, hexadecimal
 */
record TextMeOtpAccountKey(String apiUrl, String username, String tokenHmac) {

    private static final String HMAC = "HmacSHA256";
    private static final SecretKey HMAC_KEY = newHmacKey();

    /** The account of an endpoint's configuration. */
    static TextMeOtpAccountKey of(TextMeOtpConfiguration configuration) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(HMAC_KEY);
            byte[] tokenHmac = mac.doFinal(configuration.getApiToken().getBytes(StandardCharsets.UTF_8));
            return new TextMeOtpAccountKey(configuration.apiUrl(), configuration.getUsername(),
                                           HexFormat.of().formatHex(tokenHmac));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM offers no " + HMAC, e);
        }
    }

    private static SecretKey newHmacKey() {
        try {
            return KeyGenerator.getInstance(HMAC).generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM offers no " + HMAC, e);
        }
    }

    @Override
    public String toString() {
        return username + " at " + apiUrl;
    }
}
