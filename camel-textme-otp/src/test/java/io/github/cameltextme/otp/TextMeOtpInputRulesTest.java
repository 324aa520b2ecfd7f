package io.github.cameltextme.otp;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules every value meets before it is sent: phones and codes normalized, options within the API's ranges.
 */
class TextMeOtpInputRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0521234567", "521234567", "052-123-4567", "052 123 4567", "(052) 123-4567", "+972 52-123-4567",
            "+972521234567", "972521234567", "00972521234567", " 0521234567 ", "052.123.4567", "+972 (0)52 123 4567" })
    void israeliMobileNumbersAsPeopleWriteThemBecomeCanonical(String written) {
        assertEquals("0521234567", TextMeOtpInputRules.phone(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u200E0521234567", "\u200F+972 52-123-4567", "\uFEFF0521234567", "0521234567\u00A0", "052\u00A0123\u00A04567",
            "\u202B052-123-4567\u202C", "\u2066+972\u202F52\u20071234567\u2069", "05\u200B21234567", "\u200E\u200F 0521234567 \u200E" })
    void phonesCopiedFromHebrewTextBecomeCanonical(String copied) {
        assertEquals("0521234567", TextMeOtpInputRules.phone(copied));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u200E042137", "042137\u200F", "\uFEFF042137\u00A0", "\u2067042137\u2069" })
    void codesCopiedFromHebrewTextKeepTheirDigits(String copied) {
        assertEquals("042137", TextMeOtpInputRules.code(copied));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u200E", "\u00A0\u200F\uFEFF", "\u200E052\u20111234567" })
    void invisibleCharactersAloneAreNotAPhone(String copied) {
        assertThrows(TextMeOtpValidationException.class, () -> TextMeOtpInputRules.phone(copied));
    }

    @Test
    void aPhoneMayBeANumber() {
        assertEquals("0521234567", TextMeOtpInputRules.phone(521234567));
        assertEquals("0541234567", TextMeOtpInputRules.phone(972541234567L));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0501234567", "0531234567", "0541234567", "0551234567", "0581234567", "0591234567" })
    void everyMobilePrefixIsAccepted(String phone) {
        assertEquals(phone, TextMeOtpInputRules.phone(phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "02-123-4567", "031234567", "04 812 3456", "08-9123456", "09-7654321", // landlines
            "072-212-3456", "077-1234567", "+972 72 123 4567", // 07x VoIP
            "052123456", "05212345678", "52123456", "5212345678", // wrong lengths
            "+1 212 555 1234", "+44 7911 123456", "0044 7911 123456", "+0521234567", // foreign or malformed
            "05212345a7", "phone", "052-123-456x", "+972-52-123-4567+", "052/123/4567", "٠٥٢١٢٣٤٥٦٧", // letters, signs
            "", "   ", "+", "()" // blanks
    })
    void anythingElseIsRejectedNamingTheField(String written) {
        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class,
                () -> TextMeOtpInputRules.phone(written));
        assertEquals("phone", e.getField());
        assertTrue(e.getMessage().startsWith("Invalid phone: must"), e.getMessage());
    }

    @Test
    void aRejectedPhoneIsMaskedInTheMessage() {
        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class,
                () -> TextMeOtpInputRules.phone("054-987-65432"));
        assertTrue(e.getMessage().endsWith("(was 054*******432)"), e.getMessage());
        assertFalse(e.getMessage().contains("987"), e.getMessage());
    }

    @Test
    void aPhoneOfAnotherTypeIsRejected() {
        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class,
                () -> TextMeOtpInputRules.phone(5.21234567e8));
        assertEquals("Invalid phone: must be text or a whole number (was a java.lang.Double)", e.getMessage());
    }

    @Test
    void codesAreSixDigitsWithLeadingZerosKept() {
        assertEquals("012345", TextMeOtpInputRules.code("012345"));
        assertEquals("123456", TextMeOtpInputRules.code("  123456\t"));
        assertEquals("123456", TextMeOtpInputRules.code(123456));
        assertEquals("123456", TextMeOtpInputRules.code(123456L));
        assertEquals("999999", TextMeOtpInputRules.code(BigInteger.valueOf(999999)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "12345", "1234567", "12a456", "", "      ", "12 456", "-12345", "+12345", "١٢٣٤٥٦", "12345６" })
    void otherCodesAreRejectedWithoutShowingThem(String code) {
        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class,
                () -> TextMeOtpInputRules.code(code));
        assertEquals("code", e.getField());
        assertEquals("Invalid code: must be exactly 6 digits", e.getMessage());
    }

    @Test
    void aNumericCodeThatLostItsLeadingZeroIsRejected() {
        assertThrows(TextMeOtpValidationException.class, () -> TextMeOtpInputRules.code(12345));
        assertThrows(TextMeOtpValidationException.class, () -> TextMeOtpInputRules.code(123456.0));
    }

    @Test
    void optionsStayWithinTheApiRanges() {
        assertEquals(3, TextMeOtpInputRules.maxTries(3));
        assertEquals(5, TextMeOtpInputRules.maxTries("5"));
        assertEquals(1, TextMeOtpInputRules.validTime(1));
        assertEquals(15, TextMeOtpInputRules.validTime(" 15 "));
        assertEquals(1, TextMeOtpInputRules.appId(1));
        assertEquals(90210, TextMeOtpInputRules.appId(90210L));

        assertRejected("maxTries", "Invalid maxTries: must be between 3 and 5 (was 2)", () -> TextMeOtpInputRules.maxTries(2));
        assertRejected("maxTries", "Invalid maxTries: must be between 3 and 5 (was 6)", () -> TextMeOtpInputRules.maxTries(6));
        assertRejected("validTime", "Invalid validTime: must be between 1 and 15 (was 0)", () -> TextMeOtpInputRules.validTime(0));
        assertRejected("validTime", "Invalid validTime: must be between 1 and 15 (was 16)", () -> TextMeOtpInputRules.validTime("16"));
        assertRejected("appId", "Invalid appId: must be at least 1 (was 0)", () -> TextMeOtpInputRules.appId(0));
        assertRejected("appId", "Invalid appId: must be a whole number (was 'two')", () -> TextMeOtpInputRules.appId("two"));
        assertRejected("maxTries", "Invalid maxTries: must be a whole number (was '3.5')", () -> TextMeOtpInputRules.maxTries("3.5"));
    }

    @Test
    void theTextMustHoldThePlaceholderAndFitTheLimit() {
        assertNull(TextMeOtpInputRules.smsText(null));
        assertEquals("Your code is [code]", TextMeOtpInputRules.smsText("Your code is [code]"));
        String longest = "[code]" + "א".repeat(999);
        assertEquals(longest, TextMeOtpInputRules.smsText(longest));

        assertRejected("text", "Invalid text: must contain [code], where TextMe puts the code",
                       () -> TextMeOtpInputRules.smsText("Your code is {code}"));
        assertRejected("text", "Invalid text: must contain [code], where TextMe puts the code",
                       () -> TextMeOtpInputRules.smsText(""));
        assertRejected("text", "Invalid text: must be at most 1005 characters (was 1006)",
                       () -> TextMeOtpInputRules.smsText(longest + "!"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "DemoAPI", "a", "ABCDEFGHIJK", "Shop2go", "0521234567", "+972521234567", "123456789012345" })
    void sourcesAreShortNamesOrNumbers(String source) {
        assertEquals(source, TextMeOtpInputRules.source(source));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "ABCDEFGHIJKL", "Demo API", "דמו", "Demo-API", "1234567890123456", "+" })
    void otherSourcesAreRejected(String source) {
        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class,
                () -> TextMeOtpInputRules.source(source));
        assertEquals("source", e.getField());
    }

    private static void assertRejected(String field, String message, org.junit.jupiter.api.function.Executable check) {
        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class, check);
        assertEquals(field, e.getField());
        assertEquals(message, e.getMessage());
    }
}
