package io.github.cameltextme.otp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.bucket4j.BucketConfiguration;
import io.github.cameltextme.otp.limit.EndpointLimiter;
import io.github.cameltextme.otp.limit.InMemoryLimitStore;
import io.github.cameltextme.otp.limit.LimitStoreFullException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The send limits and the wrong-code lockout, counted in the default in-memory store on a clock the tests move on,
 * against WireMock standing in for TextMe: each refusal sends nothing, and each window's passing lets exchanges through.
 */
class TextMeOtpLimitsTest extends TextMeOtpTestSupport {

    private static final String SENT = "{\"status\":0,\"message\":\"sent\"}";
    private static final String VALID = "{\"status\":0,\"message\":\"valid\"}";
    private static final String WRONG_CODE = "{\"status\":12,\"message\":\"unverified code\"}";

    private final TestWallClock clock = new TestWallClock();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("textme-otp", TextMeOtpComponent.class)
                .setLimitStore(new InMemoryLimitStore(InMemoryLimitStore.DEFAULT_MAX_KEYS, clock));
        return context;
    }

    @Test
    void aSecondSendToThePhoneWithinTheResendIntervalIsRefusedUntilTheIntervalHasPassed() {
        textMeAnswers(SENT);
        send("textme-otp:send", PHONE);

        TextMeOtpRateLimitException refused = refusedSend("textme-otp:send", "052-123-4567");
        assertEquals(TextMeOtpLimit.RESEND_INTERVAL, refused.getLimit());
        assertEquals(Duration.ofSeconds(30), refused.getRetryAfter());
        assertEquals(TextMeOtpOperation.send, refused.getOperation());
        assertEquals(1, requests().size(), "requests TextMe received");

        clock.advance(Duration.ofSeconds(29));
        assertEquals(TextMeOtpLimit.RESEND_INTERVAL, refusedSend("textme-otp:send", PHONE).getLimit());
        clock.advance(Duration.ofSeconds(1));
        send("textme-otp:send", PHONE);
        assertEquals(2, requests().size(), "requests TextMe received");
    }

    @Test
    void theResendIntervalCountsPerApplicationId() {
        textMeAnswers(SENT);
        send("textme-otp:send", PHONE);
        send("textme-otp:send?appId=2", PHONE);
        assertEquals(2, requests().size(), "requests TextMe received");
    }

    @Test
    void thePhoneSendLimitRefusesTheSixthSendInTheWindowUntilItHasPassed() {
        textMeAnswers(SENT);
        String uri = "textme-otp:send?resendInterval=0";
        for (int i = 0; i < 5; i++) {
            send(uri, PHONE);
        }
        TextMeOtpRateLimitException refused = refusedSend(uri, PHONE);
        assertEquals(TextMeOtpLimit.PHONE_SENDS, refused.getLimit());
        assertEquals(Duration.ofMinutes(10), refused.getRetryAfter());
        assertEquals(5, requests().size(), "requests TextMe received");

        send(uri, "0527654321");
        clock.advance(Duration.ofMinutes(10));
        send(uri, PHONE);
        assertEquals(7, requests().size(), "requests TextMe received");
    }

    @Test
    void withTheDefaultsTheSixthSendInTenMinutesIsRefusedByThePhoneCountEvenWhenTheResendIntervalAlsoRefuses() {
        textMeAnswers(SENT);
        for (int i = 0; i < 5; i++) {
            send("textme-otp:send", PHONE);
            clock.advance(Duration.ofSeconds(30));
        }
        clock.advance(Duration.ofSeconds(-25));

        TextMeOtpRateLimitException refused = refusedSend("textme-otp:send", PHONE);
        assertEquals(TextMeOtpLimit.PHONE_SENDS, refused.getLimit(), "both refuse: the longer wait is named");
        assertEquals(Duration.ofSeconds(600 - 125), refused.getRetryAfter());
        clock.advance(Duration.ofSeconds(5));
        refused = refusedSend("textme-otp:send", PHONE);
        assertEquals(TextMeOtpLimit.PHONE_SENDS, refused.getLimit());
        assertEquals(Duration.ofSeconds(600 - 130), refused.getRetryAfter());
        assertEquals(5, requests().size(), "requests TextMe received");
    }

    @Test
    void aKeyLeavesTheInMemoryStoreWhenItsWindowHasPassed() {
        textMeAnswers(SENT);
        send("textme-otp:send", PHONE);
        sendAs("textme-otp:send?clientSendLimit=2", "0527654321", "203.0.113.7");
        assertEquals(5, inMemoryKeys(), "each phone's limits and the record of its code, and the client's count");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertEquals(3, inMemoryKeys(), "the records of the codes sent, and the client's hour");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, inMemoryKeys(), "the client's hour");
        clock.advance(Duration.ofMinutes(45));
        assertEquals(0, inMemoryKeys());
    }

    @Test
    void aFullInMemoryStoreTakesNoNewKeyYetEveryKeyItHoldsGoesOnCounting() {
        InMemoryLimitStore store = new InMemoryLimitStore(3, clock);
        BucketConfiguration twoAnHour = BucketConfiguration.builder()
                .addLimit(b -> b.capacity(2).refillIntervally(2, Duration.ofHours(1))).build();
        for (int i = 0; i < 3; i++) {
            assertTrue(store.builder().build("key-" + i, () -> twoAnHour).tryConsume(1));
        }

        assertThrows(LimitStoreFullException.class,
                     () -> store.builder().build("key-3", () -> twoAnHour).tryConsume(1));
        assertTrue(store.builder().build("key-0", () -> twoAnHour).tryConsume(1), "a key held goes on counting");
        assertFalse(store.builder().build("key-0", () -> twoAnHour).tryConsume(1), "and refusing: nothing forgotten");
        assertEquals(3, store.keys());

        store.builder().build("key-1", () -> twoAnHour).addTokens(1);
        assertEquals(2, store.keys(), "a bucket full again leaves at once");
        assertTrue(store.builder().build("key-3", () -> twoAnHour).tryConsume(1), "and makes room");
        clock.advance(Duration.ofHours(1));
        assertEquals(0, store.keys(), "every window has passed");
    }

    @Test
    void aFullInMemoryStoreRefusesASendToANewPhoneWithALimitStoreExceptionAndSendsNothing() {
        context.getComponent("textme-otp", TextMeOtpComponent.class).setLimitStore(new InMemoryLimitStore(2, clock));
        textMeAnswers(SENT);
        send("textme-otp:send", PHONE);

        TextMeOtpLimitStoreException full = failure(TextMeOtpLimitStoreException.class, "textme-otp:send",
                                                    "0527654321", Map.of());
        assertTrue(full.getMessage().startsWith("TextMe send_otp: the limit store is full: "), full.getMessage());
        assertFalse(full.getMessage().contains("7654321"), full.getMessage());
        assertEquals(1, requests().size(), "requests TextMe received");
        assertEquals(TextMeOtpLimit.RESEND_INTERVAL, refusedSend("textme-otp:send", PHONE).getLimit());
    }

    @Test
    void theClientSendLimitCountsTheSendsOfOneClientKeyAcrossPhones() {
        textMeAnswers(SENT);
        String uri = "textme-otp:send?clientSendLimit=2&clientSendWindow=1h";
        sendAs(uri, "0521000001", "203.0.113.7");
        sendAs(uri, "0521000002", "203.0.113.7");

        TextMeOtpRateLimitException refused = refusedSendAs(uri, "0521000003", "203.0.113.7");
        assertEquals(TextMeOtpLimit.CLIENT_SENDS, refused.getLimit());
        assertEquals(Duration.ofHours(1), refused.getRetryAfter());
        assertFalse(refused.getMessage().contains("203.0.113.7"), refused.getMessage());
        assertEquals(2, requests().size(), "requests TextMe received");

        sendAs(uri, "0521000003", "198.51.100.9");
        send(uri, "0521000004");
        clock.advance(Duration.ofHours(1));
        sendAs(uri, "0521000005", "203.0.113.7");
        assertEquals(5, requests().size(), "requests TextMe received");
    }

    @Test
    void theAccountSendLimitCountsEveryPhoneTogether() {
        textMeAnswers(SENT);
        String uri = "textme-otp:send?accountSendLimit=3&accountSendWindow=1h";
        send(uri, "0521000001");
        send(uri, "0521000002");
        send(uri, "0521000003");

        TextMeOtpRateLimitException refused = refusedSend(uri, "0521000004");
        assertEquals(TextMeOtpLimit.ACCOUNT_SENDS, refused.getLimit());
        assertEquals(Duration.ofHours(1), refused.getRetryAfter());
        assertEquals(3, requests().size(), "requests TextMe received");

        clock.advance(Duration.ofHours(1));
        send(uri, "0521000004");
        assertEquals(4, requests().size(), "requests TextMe received");
    }

    @Test
    void aSendRefusedByALaterLimitGivesBackThePlacesItTookInTheEarlierOnes() {
        textMeAnswers(SENT);
        send("textme-otp:send?accountSendLimit=1", "0521000001");
        assertEquals(TextMeOtpLimit.ACCOUNT_SENDS,
                     refusedSend("textme-otp:send?accountSendLimit=1", "0521000002").getLimit());

        // the same resend and phone limits, without the account's: the refused send left them untouched
        send("textme-otp:send?phoneSendLimit=5", "0521000002");
        assertEquals(2, requests().size(), "requests TextMe received");
    }

    @Test
    void endpointsWithTheSameSettingsCountTogether() {
        textMeAnswers(SENT);
        send("textme-otp:send", PHONE);
        TextMeOtpRateLimitException refused = refusedSend(
                "textme-otp:send?text=" + "Your login code is [code]".replace(" ", "+"), PHONE);
        assertEquals(TextMeOtpLimit.RESEND_INTERVAL, refused.getLimit());
    }

    @Test
    void aConnectionRefusedBeforeSendingGivesThePlacesBack() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TextMeOtpTransportException failure = assertInstanceOf(TextMeOtpTransportException.class, assertThrows(
                CamelExecutionException.class,
                () -> template.requestBody("textme-otp:send?baseUrl=http://127.0.0.1:" + closedPort + "/api", PHONE))
                .getCause());
        assertFalse(failure.mayHaveReachedServer());

        textMeAnswers(SENT);
        send("textme-otp:send", PHONE);
        assertEquals(1, requests().size(), "requests TextMe received");
    }

    @Test
    void inputThatBreaksARuleTakesNoPlace() {
        textMeAnswers(SENT);
        assertThrows(CamelExecutionException.class, () -> template.requestBodyAndHeader(
                "textme-otp:send", PHONE, TextMeOtpConstants.MAX_TRIES, 9));
        send("textme-otp:send", PHONE);
        assertEquals(1, requests().size(), "requests TextMe received");
    }

    @Test
    void aFailureStatusFromTextMeGivesThePlacesBack() {
        textMeAnswers("{\"status\":4,\"message\":\"not enough credit\"}");
        assertThrows(CamelExecutionException.class, () -> template.requestBody("textme-otp:send", PHONE));

        textMeAnswers(SENT);
        send("textme-otp:send", PHONE);
        assertEquals(2, requests().size(), "requests TextMe received");
    }

    @Test
    void anUnreadableAnswerMayHaveSentTheSmsSoItKeepsItsPlaces() {
        textMeAnswers("<html>maintenance</html>");
        TextMeOtpTransportException failure = assertInstanceOf(TextMeOtpTransportException.class, assertThrows(
                CamelExecutionException.class, () -> template.requestBody("textme-otp:send", PHONE)).getCause());
        assertTrue(failure.mayHaveReachedServer());

        textMeAnswers(SENT);
        assertEquals(TextMeOtpLimit.RESEND_INTERVAL, refusedSend("textme-otp:send", PHONE).getLimit());
        assertEquals(1, requests().size(), "requests TextMe received");
    }

    @Test
    void afterTooManyWrongCodesValidateIsRefusedWithoutCallingTextMeUntilTheWindowHasPassed() {
        sendACode();
        textMeAnswers(WRONG_CODE);
        String uri = "textme-otp:validate?failedValidationLimit=3";
        for (int i = 0; i < 3; i++) {
            assertEquals(Boolean.FALSE, validate(uri).getValid());
        }
        TextMeOtpRateLimitException refused = refusedValidate(uri);
        assertEquals(TextMeOtpLimit.FAILED_VALIDATIONS, refused.getLimit());
        assertEquals(TextMeOtpOperation.validate, refused.getOperation());
        assertEquals(Duration.ofHours(1), refused.getRetryAfter());
        assertEquals(4, requests().size(), "requests TextMe received");

        clock.advance(Duration.ofMinutes(59));
        assertEquals(TextMeOtpLimit.FAILED_VALIDATIONS, refusedValidate(uri).getLimit(),
                     "the lockout outlives the record of the code");
        clock.advance(Duration.ofMinutes(1));
        validate(uri);
        assertEquals(5, requests().size(), "requests TextMe received");
    }

    @Test
    void validatesForAPhoneNeverSentACodeAreNotCountedAndAddNoKey() {
        textMeAnswers(WRONG_CODE);
        String uri = "textme-otp:validate?failedValidationLimit=3";
        for (int i = 0; i < 10; i++) {
            assertEquals(Boolean.FALSE, validate(uri).getValid());
        }
        assertEquals(10, requests().size(), "requests TextMe received");
        assertEquals(0, inMemoryKeys());
    }

    @Test
    void wrongCodesCountOnlyWhileTheCodeSentIsRecorded() {
        sendACode();
        textMeAnswers(WRONG_CODE);
        String uri = "textme-otp:validate?failedValidationLimit=2";
        clock.advance(EndpointLimiter.SENT_CODE_LIFE);
        validate(uri);
        validate(uri);
        validate(uri);
        assertEquals(0, inMemoryKeys(), "the record of the code has gone, and no wrong code was counted");
    }

    @Test
    void aSendThatSentNothingTakesBackOnlyItsOwnRecordOfTheCode() {
        String uri = "textme-otp:send?resendInterval=0&phoneSendLimit=0";
        textMeAnswers(SENT);
        send(uri, PHONE);
        textMeAnswers("{\"status\":4,\"message\":\"not enough credit\"}");
        assertThrows(CamelExecutionException.class, () -> template.requestBody(uri, PHONE));

        textMeAnswers(WRONG_CODE);
        String validateUri = "textme-otp:validate?failedValidationLimit=1";
        validate(validateUri);
        assertEquals(TextMeOtpLimit.FAILED_VALIDATIONS, refusedValidate(validateUri).getLimit(),
                     "the first send's code is still recorded, so its wrong codes count");
    }

    @Test
    void aSendThatSentNothingDoesNotProlongTheRecordOfAnEarlierCode() {
        String uri = "textme-otp:send?resendInterval=0&phoneSendLimit=0";
        textMeAnswers(SENT);
        send(uri, PHONE);
        clock.advance(Duration.ofMinutes(10));
        textMeAnswers("{\"status\":4,\"message\":\"not enough credit\"}");
        assertThrows(CamelExecutionException.class, () -> template.requestBody(uri, PHONE));

        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, inMemoryKeys(), "the record lasts as the first send made it: 15 minutes");
    }

    @Test
    void aSecondSendRenewsTheRecordOfItsCode() {
        String uri = "textme-otp:send?resendInterval=0&phoneSendLimit=0";
        textMeAnswers(SENT);
        send(uri, PHONE);
        clock.advance(Duration.ofMinutes(10));
        send(uri, PHONE);
        clock.advance(Duration.ofMinutes(6));

        textMeAnswers(WRONG_CODE);
        String validateUri = "textme-otp:validate?failedValidationLimit=1";
        validate(validateUri);
        assertEquals(TextMeOtpLimit.FAILED_VALIDATIONS, refusedValidate(validateUri).getLimit(),
                     "16 minutes after the first send, the second's code is still recorded");
    }

    @Test
    void aFullInMemoryStoreRefusesTheRecordOfACodeForANewPhoneAndSendsNothing() {
        context.getComponent("textme-otp", TextMeOtpComponent.class).setLimitStore(new InMemoryLimitStore(1, clock));
        String uri = "textme-otp:send?resendInterval=0&phoneSendLimit=0";
        textMeAnswers(SENT);
        send(uri, PHONE);

        TextMeOtpLimitStoreException full = failure(TextMeOtpLimitStoreException.class, uri, "0527654321", Map.of());
        assertTrue(full.isFull(), full.getMessage());
        assertEquals(1, requests().size(), "requests TextMe received");
        send(uri, PHONE);
        assertEquals(2, requests().size(), "a phone whose code is recorded is sent again");
    }

    @Test
    void fiftyConcurrentSendsToOnePhoneThatSentNothingLeaveNoRecord() throws Exception {
        String uri = "textme-otp:send?resendInterval=0&phoneSendLimit=0";
        textMeAnswers("{\"status\":4,\"message\":\"not enough credit\"}");
        List<Object> outcomes = ConcurrentCalls.run(50, i -> () -> {
            try {
                return template.requestBody(uri, PHONE);
            } catch (CamelExecutionException e) {
                return e.getCause().getClass();
            }
        });
        assertEquals(50, outcomes.stream().filter(o -> o == TextMeOtpApiException.class).count(), outcomes::toString);
        assertEquals(50, requests().size(), "requests TextMe received");
        assertEquals(0, inMemoryKeys());
    }

    @Test
    void aSendToAPhoneThatSentNothingLeavesNoRecordOfACode() {
        textMeAnswers("{\"status\":4,\"message\":\"not enough credit\"}");
        assertThrows(CamelExecutionException.class, () -> template.requestBody("textme-otp:send", PHONE));
        assertEquals(0, inMemoryKeys());

        textMeAnswers(WRONG_CODE);
        String validateUri = "textme-otp:validate?failedValidationLimit=1";
        validate(validateUri);
        validate(validateUri);
        assertEquals(0, inMemoryKeys(), "no record of a code, so no wrong code counted");
    }

    @Test
    void theClientValidationLimitCountsEveryValidateOfOneClientKeyWhateverThePhone() {
        textMeAnswers(WRONG_CODE);
        String uri = "textme-otp:validate?clientValidationLimit=3&clientValidationWindow=10m";
        for (int i = 0; i < 3; i++) {
            validateAs(uri, "052100000" + i, "203.0.113.7");
        }
        TextMeOtpRateLimitException refused = failure(
                TextMeOtpRateLimitException.class, uri, CODE,
                Map.of(TextMeOtpConstants.PHONE, "0521000009", TextMeOtpConstants.CLIENT_KEY, "203.0.113.7"));
        assertEquals(TextMeOtpLimit.CLIENT_VALIDATIONS, refused.getLimit());
        assertEquals(Duration.ofMinutes(10), refused.getRetryAfter());
        assertTrue(refused.getMessage().contains("this client"), refused.getMessage());
        assertFalse(refused.getMessage().contains("203.0.113.7"), refused.getMessage());
        assertEquals(3, requests().size(), "requests TextMe received");

        validateAs(uri, "0521000009", "198.51.100.9");
        validate(uri);
        clock.advance(Duration.ofMinutes(10));
        validateAs(uri, "0521000009", "203.0.113.7");
        assertEquals(6, requests().size(), "requests TextMe received");
    }

    @Test
    void aValidCodeClearsTheCountOfWrongCodes() {
        sendACode();
        String uri = "textme-otp:validate?failedValidationLimit=3";
        textMeAnswers(WRONG_CODE);
        validate(uri);
        validate(uri);
        textMeAnswers(VALID);
        assertEquals(Boolean.TRUE, validate(uri).getValid());

        textMeAnswers(WRONG_CODE);
        for (int i = 0; i < 3; i++) {
            validate(uri);
        }
        assertEquals(TextMeOtpLimit.FAILED_VALIDATIONS, refusedValidate(uri).getLimit());
        assertEquals(7, requests().size(), "requests TextMe received");
    }

    @Test
    void aValidateThatFailsWithAnApiStatusIsNotCountedAsAWrongCode() {
        sendACode();
        String uri = "textme-otp:validate?failedValidationLimit=1";
        textMeAnswers("{\"status\":6,\"message\":\"process failure\"}");
        assertThrows(CamelExecutionException.class, () -> validate(uri));
        textMeAnswers(WRONG_CODE);
        validate(uri);
        assertEquals(TextMeOtpLimit.FAILED_VALIDATIONS, refusedValidate(uri).getLimit());
    }

    @Test
    void fiftyConcurrentSendsToOnePhonePutExactlyOneRequestOnTheWire() throws Exception {
        textMeAnswers(SENT);
        List<Object> outcomes = ConcurrentCalls.run(50, i -> () -> outcome("textme-otp:send", PHONE));
        assertEquals(1, outcomes.stream().filter(TextMeOtpResult.class::isInstance).count(), outcomes::toString);
        assertEquals(49, outcomes.stream().filter(o -> o == TextMeOtpLimit.RESEND_INTERVAL).count(), outcomes::toString);
        assertEquals(1, requests().size(), "requests TextMe received");
    }

    @Test
    void sixtyFourCallersSendingToManyPhonesLoseNothingAndCrossNothing() throws Exception {
        textMeAnswers(SENT);
        int callers = 64;
        int phonesEach = 8;
        List<Object> first = ConcurrentCalls.run(callers, caller -> () -> {
            List<String> phones = new ArrayList<>();
            for (int p = 0; p < phonesEach; p++) {
                String phone = phone(caller, p);
                TextMeOtpResult result = send("textme-otp:send", phone);
                phones.add(result.getPhone());
            }
            return phones;
        });
        for (int caller = 0; caller < callers; caller++) {
            for (int p = 0; p < phonesEach; p++) {
                assertEquals(phone(caller, p), ((List<?>) first.get(caller)).get(p), "the result of the caller's send");
            }
        }
        Set<String> phonesOnTheWire = ConcurrentHashMap.newKeySet();
        for (LoggedRequest request : requests()) {
            assertTrue(phonesOnTheWire.add(request.getBodyAsString()), "each phone sent once");
        }
        assertEquals(callers * phonesEach, phonesOnTheWire.size());

        List<Object> again = ConcurrentCalls.run(callers, caller -> () -> outcome("textme-otp:send", phone(caller, 0)));
        assertTrue(again.stream().allMatch(o -> o == TextMeOtpLimit.RESEND_INTERVAL), again::toString);
        assertEquals(callers * phonesEach, requests().size(), "requests TextMe received");
    }

    @ParameterizedTest
    @ValueSource(strings = { "resendInterval=-1", "phoneSendLimit=-1", "phoneSendLimit=2&phoneSendWindow=0",
                             "clientSendLimit=-5", "accountSendLimit=1&accountSendWindow=0",
                             "failedValidationLimit=-1" })
    void aLimitOptionOutOfRangeFailsWhenTheEndpointIsCreated(String options) {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("textme-otp:send?" + options));
        TextMeOtpValidationException cause = assertInstanceOf(TextMeOtpValidationException.class, e.getCause());
        assertTrue(options.startsWith(cause.getField()) || options.contains("&" + cause.getField()), cause.getMessage());
    }

    @Test
    void withLimitsOffNothingIsRefused() {
        textMeAnswers(SENT);
        for (int i = 0; i < 8; i++) {
            send("textme-otp:send?limitsEnabled=false", PHONE);
        }
        assertEquals(8, requests().size(), "requests TextMe received");
    }

    /** The keys of the component's store, once those whose window has passed are dropped. */
    private long inMemoryKeys() {
        return ((InMemoryLimitStore) context.getComponent("textme-otp", TextMeOtpComponent.class).getLimitStore())
                .keys();
    }

    /** Sends a code to {@link #PHONE}, whose wrong codes then count. */
    private void sendACode() {
        textMeAnswers(SENT);
        send("textme-otp:send", PHONE);
    }

    private static String phone(int caller, int index) {
        return String.format("05%02d%06d", 20 + index, caller);
    }

    private TextMeOtpResult send(String uri, String phone) {
        return template.requestBody(uri, phone, TextMeOtpResult.class);
    }

    private void sendAs(String uri, String phone, String clientKey) {
        template.requestBodyAndHeader(uri, phone, TextMeOtpConstants.CLIENT_KEY, clientKey);
    }

    private void validateAs(String uri, String phone, String clientKey) {
        template.requestBodyAndHeaders(uri, CODE, Map.of(TextMeOtpConstants.PHONE, phone,
                                                         TextMeOtpConstants.CLIENT_KEY, clientKey));
    }

    private TextMeOtpResult validate(String uri) {
        return template.requestBodyAndHeader(uri, CODE, TextMeOtpConstants.PHONE, PHONE, TextMeOtpResult.class);
    }

    private TextMeOtpRateLimitException refusedSend(String uri, String phone) {
        return failure(TextMeOtpRateLimitException.class, uri, phone, Map.of());
    }

    private TextMeOtpRateLimitException refusedSendAs(String uri, String phone, String clientKey) {
        return failure(TextMeOtpRateLimitException.class, uri, phone, Map.of(TextMeOtpConstants.CLIENT_KEY, clientKey));
    }

    private TextMeOtpRateLimitException refusedValidate(String uri) {
        return failure(TextMeOtpRateLimitException.class, uri, CODE, Map.of(TextMeOtpConstants.PHONE, PHONE));
    }

    /** The result of a send, or the limit that refused it. */
    private Object outcome(String uri, String phone) {
        try {
            return send(uri, phone);
        } catch (CamelExecutionException e) {
            return assertInstanceOf(TextMeOtpRateLimitException.class, e.getCause()).getLimit();
        }
    }
}
