package io.github.cameltextme.otp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which of TextMe's statuses the component reads as a credentials failure, and which it reads at all.
 */
class TextMeOtpStatusTest {

    @ParameterizedTest
    @ValueSource(ints = { 3, 10, 11 })
    void wrongExpiredOrForeignCredentialsAreAnAuthenticationFailure(int status) {
        assertTrue(TextMeOtpStatus.isAuthenticationFailure(status));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 2, 4, 9, 12, 515 })
    void otherStatusesAreNot(int status) {
        assertFalse(TextMeOtpStatus.isAuthenticationFailure(status));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 12, 999 })
    void statusesFrom0To999AreReadable(int status) {
        assertTrue(TextMeOtpStatus.isReadable(status));
    }

    @ParameterizedTest
    @ValueSource(ints = { -1, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE })
    void statusesOutsideThatRangeAreNot(int status) {
        assertFalse(TextMeOtpStatus.isReadable(status));
    }
}
