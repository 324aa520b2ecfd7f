package io.github.cameltextme.otp;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input fails before any HTTP call: per message with a {@link TextMeOtpValidationException} naming the field, and
 * per endpoint when the endpoint is created.
 */
class TextMeOtpBadInputTest extends TextMeOtpTestSupport {

    static Stream<Arguments> badSendMessages() {
        return Stream.of(
                Arguments.of("phone", null, Map.of()),
                Arguments.of("phone", "02-123-4567", Map.of()),
                Arguments.of("phone", "072-212-3456", Map.of()),
                Arguments.of("phone", "+1 212 555 1234", Map.of()),
                Arguments.of("phone", "052123456", Map.of()),
                Arguments.of("phone", "05212345ab", Map.of()),
                Arguments.of("phone", "  ", Map.of()),
                Arguments.of("phone", PHONE, Map.of(TextMeOtpConstants.PHONE, "03-555-1234")),
                Arguments.of("phone", Map.of("phone", "0312345678"), Map.of()),
                Arguments.of("maxTries", PHONE, Map.of(TextMeOtpConstants.MAX_TRIES, 2)),
                Arguments.of("maxTries", PHONE, Map.of(TextMeOtpConstants.MAX_TRIES, "6")),
                Arguments.of("maxTries", Map.of("phone", PHONE, "maxTries", 9), Map.of()),
                Arguments.of("validTime", PHONE, Map.of(TextMeOtpConstants.VALID_TIME, 0)),
                Arguments.of("validTime", PHONE, Map.of(TextMeOtpConstants.VALID_TIME, 16)),
                Arguments.of("appId", PHONE, Map.of(TextMeOtpConstants.APP_ID, 0)),
                Arguments.of("appId", PHONE, Map.of(TextMeOtpConstants.APP_ID, "first")),
                Arguments.of("text", PHONE, Map.of(TextMeOtpConstants.TEXT, "Your code is {code}")),
                Arguments.of("text", PHONE, Map.of(TextMeOtpConstants.TEXT, "[code]" + "x".repeat(1000))),
                Arguments.of("source", PHONE, Map.of(TextMeOtpConstants.SOURCE, "")),
                Arguments.of("source", PHONE, Map.of(TextMeOtpConstants.SOURCE, "TwelveLetter")),
                Arguments.of("source", Map.of("phone", PHONE, "source", "My Shop"), Map.of()));
    }

    @ParameterizedTest(name = "{0}: body={1} headers={2}")
    @MethodSource("badSendMessages")
    void aBadSendMessageFailsAndNothingIsSent(String field, Object body, Map<String, Object> headers) {
        TextMeOtpValidationException e = failure(TextMeOtpValidationException.class, "textme-otp:send", body, headers);

        assertEquals(field, e.getField());
        assertNoRequestSent();
    }

    static Stream<Arguments> badValidateMessages() {
        return Stream.of(
                Arguments.of("code", null, Map.of(TextMeOtpConstants.PHONE, PHONE)),
                Arguments.of("code", "12345", Map.of(TextMeOtpConstants.PHONE, PHONE)),
                Arguments.of("code", "1234567", Map.of(TextMeOtpConstants.PHONE, PHONE)),
                Arguments.of("code", "12a456", Map.of(TextMeOtpConstants.PHONE, PHONE)),
                Arguments.of("code", 12345, Map.of(TextMeOtpConstants.PHONE, PHONE)),
                Arguments.of("code", CODE, Map.of(TextMeOtpConstants.PHONE, PHONE, TextMeOtpConstants.CODE, " ")),
                Arguments.of("code", Map.of("phone", PHONE, "code", "0000"), Map.of()),
                Arguments.of("phone", CODE, Map.of()),
                Arguments.of("phone", CODE, Map.of(TextMeOtpConstants.PHONE, "04-812-3456")),
                Arguments.of("phone", Map.of("phone", "+44 7911 123456", "code", CODE), Map.of()),
                Arguments.of("appId", CODE, Map.of(TextMeOtpConstants.PHONE, PHONE, TextMeOtpConstants.APP_ID, -1)));
    }

    @ParameterizedTest(name = "{0}: body={1} headers={2}")
    @MethodSource("badValidateMessages")
    void aBadValidateMessageFailsAndNothingIsSent(String field, Object body, Map<String, Object> headers) {
        TextMeOtpValidationException e = failure(TextMeOtpValidationException.class, "textme-otp:validate", body,
                                                 headers);

        assertEquals(field, e.getField());
        assertFalse(e.getMessage().contains("12345"), e.getMessage());
        assertNoRequestSent();
    }

    @Test
    void aMissingPhoneSaysWhereToPutIt() {
        TextMeOtpValidationException e = failure(TextMeOtpValidationException.class, "textme-otp:send", null, Map.of());

        assertEquals("Invalid phone: is required: set the CamelTextMeOtpPhone header, send it as a String or number"
                     + " body, or put 'phone' in a Map body", e.getMessage());
    }

    @Test
    void aMissingCodeSaysWhereToPutIt() {
        TextMeOtpValidationException e = failure(TextMeOtpValidationException.class, "textme-otp:validate", null,
                                                 Map.of(TextMeOtpConstants.PHONE, PHONE));

        assertEquals("Invalid code: is required: set the CamelTextMeOtpCode header, send it as a String or number"
                     + " body, or put 'code' in a Map body", e.getMessage());
    }

    static Stream<Arguments> badEndpoints() {
        return Stream.of(
                Arguments.of("operation", "textme-otp:sned"),
                Arguments.of("operation", "textme-otp:Send"),
                Arguments.of("maxTries", "textme-otp:send?maxTries=9"),
                Arguments.of("validTime", "textme-otp:send?validTime=30"),
                Arguments.of("appId", "textme-otp:validate?appId=0"),
                Arguments.of("text", "textme-otp:send?text=no placeholder"),
                Arguments.of("source", "textme-otp:send?source=Has Spaces"),
                Arguments.of("baseUrl", "textme-otp:send?baseUrl=ftp://my.textme.co.il/api"),
                Arguments.of("baseUrl", "textme-otp:send?baseUrl=not a url"),
                Arguments.of("baseUrl", "textme-otp:send?baseUrl=http://localhost:99999/api"),
                Arguments.of("baseUrl", "textme-otp:send?baseUrl=http://localhost:0/api"),
                Arguments.of("baseUrl", "textme-otp:send?baseUrl=RAW(http:///api)"),
                Arguments.of("baseUrl", "textme-otp:send?baseUrl=RAW(http://under_score.example/api)"),
                Arguments.of("baseUrl", "textme-otp:send?baseUrl=RAW(http:localhost/api)"),
                Arguments.of("baseUrl", "textme-otp:send?baseUrl=file:///etc/passwd"),
                Arguments.of("baseUrl", "textme-otp:validate?baseUrl=RAW(https://my.textme.co.il/a b)"),
                Arguments.of("baseUrl", "textme-otp:validate?baseUrl=RAW( https://my.textme.co.il/api)"),
                Arguments.of("connectTimeout", "textme-otp:send?connectTimeout=0"),
                Arguments.of("responseTimeout", "textme-otp:validate?responseTimeout=-1"),
                Arguments.of("username", "textme-otp:send?username= "),
                Arguments.of("apiToken", "textme-otp:validate?apiToken="));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badEndpoints")
    void aBadEndpointFailsWhenCreated(String field, String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(uri));

        TextMeOtpValidationException cause = assertInstanceOf(TextMeOtpValidationException.class, e.getCause());
        assertEquals(field, cause.getField());
        assertNoRequestSent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://user:s3cret@my_host/api", "https://user:s3cret@host:99999/api",
                             "ftp://user:s3cret@host/api", "https://user:s3cret@ho st/api" })
    void aRefusedBaseUrlIsNeverQuotedWithItsUserInfo(String baseUrl) {
        TextMeOtpConfiguration configuration = context.getComponent("textme-otp", TextMeOtpComponent.class)
                .getConfiguration().copy();
        configuration.setOperation(TextMeOtpOperation.validate);
        configuration.setBaseUrl(baseUrl);

        TextMeOtpValidationException e = assertThrows(TextMeOtpValidationException.class, configuration::check);
        assertEquals("baseUrl", e.getField());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "username", "apiToken" })
    void credentialsAreRequiredOnTheEndpointOrTheComponent(String missing) {
        TextMeOtpConfiguration configuration = context.getComponent("textme-otp", TextMeOtpComponent.class)
                .getConfiguration();
        if (missing.equals("username")) {
            configuration.setUsername(null);
        } else {
            configuration.setApiToken(null);
        }

        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("textme-otp:validate"));

        TextMeOtpValidationException cause = assertInstanceOf(TextMeOtpValidationException.class, e.getCause());
        assertEquals(missing, cause.getField());
        assertTrue(cause.getMessage().contains("camel.component.textme-otp."), cause.getMessage());
    }

    @Test
    void sendNeedsASourceButValidateDoesNot() {
        context.getComponent("textme-otp", TextMeOtpComponent.class).getConfiguration().setSource(null);

        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("textme-otp:send"));
        assertEquals("Invalid source: is required: set it on the endpoint (source=...) or on the component"
                     + " (camel.component.textme-otp.source=...)", e.getCause().getMessage());
        assertInstanceOf(TextMeOtpEndpoint.class, context.getEndpoint("textme-otp:validate"));
    }

    @Test
    void anUnknownOperationSaysWhichExist() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("textme-otp:balance"));

        assertEquals("Invalid operation: must be send or validate, as in textme-otp:send (was 'balance')",
                     e.getCause().getMessage());
    }

    @Test
    void anUnknownOptionFailsAsInEveryCamelComponent() {
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("textme-otp:send?maxTrys=4"));
    }

    @Test
    void theTokenOfAFailedEndpointIsNotInTheError() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("textme-otp:send?apiToken=uri-secret-123&maxTries=9"));

        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(t.getMessage().contains("uri-secret-123"), t.getMessage());
        }
    }

    @Test
    void headersOfTheWrongTypeNameTheField() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(TextMeOtpConstants.MAX_TRIES, 4.5);

        TextMeOtpValidationException e = failure(TextMeOtpValidationException.class, "textme-otp:send", PHONE, headers);

        assertEquals("Invalid maxTries: must be text or a whole number (was a java.lang.Double)", e.getMessage());
        assertNoRequestSent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "validate" })
    void anUnexpectedFailureIsATransportFailureThatMayHaveReachedTextMe(String operation) {
        CharSequence unreadable = new CharSequence() {
            @Override
            public int length() {
                return CODE.length();
            }

            @Override
            public char charAt(int index) {
                return CODE.charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return CODE.subSequence(start, end);
            }

            @Override
            public String toString() {
                throw new IllegalStateException("cannot read " + CODE);
            }
        };

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:" + operation,
                                                CODE, Map.of(TextMeOtpConstants.PHONE, unreadable));

        assertTrue(e.mayHaveReachedServer());
        assertEquals(TextMeOtpOperation.valueOf(operation), e.getOperation());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertTrue(t.getMessage().contains(IllegalStateException.class.getName()), t.getMessage());
            assertFalse(t.getMessage().contains(CODE), t.getMessage());
        }
        assertNoRequestSent();
    }

    private static final int HUGE = 1_000_000;
    /** Longer than any rule's wording with a short prefix of the value; far shorter than the value. */
    private static final int MAX_MESSAGE_LENGTH = 400;

    static Stream<Arguments> hugeMessageValues() {
        String digits = "0521234567".repeat(HUGE / 10);
        String number = "1234567890".repeat(HUGE / 10);
        return Stream.of(
                Arguments.of("phone", "send", digits, Map.of()),
                Arguments.of("phone", "send", PHONE, Map.of(TextMeOtpConstants.PHONE, "+972 " + digits)),
                Arguments.of("phone", "validate", CODE, Map.of(TextMeOtpConstants.PHONE, "x".repeat(HUGE))),
                Arguments.of("phone", "send", Map.of("phone", "\u05d0".repeat(HUGE)), Map.of()),
                Arguments.of("appId", "send", PHONE, Map.of(TextMeOtpConstants.APP_ID, number)),
                Arguments.of("appId", "validate", CODE, Map.of(TextMeOtpConstants.PHONE, PHONE,
                                                               TextMeOtpConstants.APP_ID, "a".repeat(HUGE))),
                Arguments.of("maxTries", "send", PHONE, Map.of(TextMeOtpConstants.MAX_TRIES, "m".repeat(HUGE))),
                Arguments.of("validTime", "send", PHONE, Map.of(TextMeOtpConstants.VALID_TIME, number)),
                Arguments.of("text", "send", PHONE, Map.of(TextMeOtpConstants.TEXT, "[code]" + "t".repeat(HUGE))),
                Arguments.of("source", "send", PHONE, Map.of(TextMeOtpConstants.SOURCE, "s".repeat(HUGE))),
                Arguments.of("code", "validate", "4".repeat(HUGE), Map.of(TextMeOtpConstants.PHONE, PHONE)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("hugeMessageValues")
    void aHugeValueIsQuotedByAShortPrefixAtMost(String field, String operation, Object body,
                                                Map<String, Object> headers) {
        TextMeOtpValidationException e = failure(TextMeOtpValidationException.class, "textme-otp:" + operation, body,
                                                 headers);

        assertEquals(field, e.getField());
        assertTrue(e.getMessage().length() < MAX_MESSAGE_LENGTH, e.getMessage().length() + " characters");
        assertFalse(e.getMessage().contains("0521234567"), "an unmasked phone in " + e.getMessage());
        assertNoRequestSent();
    }
}
