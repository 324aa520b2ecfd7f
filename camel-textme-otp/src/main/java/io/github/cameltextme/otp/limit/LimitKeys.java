package io.github.cameltextme.otp.limit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a phone or a client key into the part of a store key that stands for it: an HMAC-SHA-256 keyed with the API
 * token, so that every instance of one account finds the same key while the store never holds the value in clear.
 */
final class LimitKeys {

    private static final String ALGORITHM = "HmacSHA256";
    /** 128 of the HMAC's 256 bits: no two phones of one account will ever share a key, and keys stay short. */
    private static final int KEPT_BYTES = 16;

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    /** A keyed Mac per thread, so that callers never share its state and no exchange creates one. */
    private final ThreadLocal<Mac> keyed;

    LimitKeys(String apiToken) {
        SecretKeySpec key = new SecretKeySpec(apiToken.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        keyedMac(key);
        this.keyed = ThreadLocal.withInitial(() -> keyedMac(key));
    }

    /** The value's HMAC, base64url without padding. */
    String hash(String value) {
        byte[] mac = keyed.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        return BASE64.encodeToString(Arrays.copyOf(mac, KEPT_BYTES));
    }

    private static Mac keyedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM offers no " + ALGORITHM, e);
        }
    }
}
