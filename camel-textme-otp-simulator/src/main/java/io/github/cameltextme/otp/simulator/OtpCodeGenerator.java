package io.github.cameltextme.otp.simulator;

import java.security.SecureRandom;
import java.util.Locale;

/** Six-digit codes from {@link SecureRandom}; leading zeros are kept, so a code is always six characters. */
final class OtpCodeGenerator {

    private static final int CODE_RANGE = 1_000_000;

    private final SecureRandom random = new SecureRandom();

    String next() {
        return String.format(Locale.ROOT, "%06d", random.nextInt(CODE_RANGE));
    }
}
