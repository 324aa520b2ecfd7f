package io.github.cameltextme.otp;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store that stalls at any command of an exchange: the exchange fails closed after {@code connectTimeout}, the
 * places it took before are given back, and the place the stalled command takes when the store wakes is given back
 * too, so the store is left as it was, whichever command stalled. And a caller refused by its own limit sends the store
 * no command for the phone it names, so that it cannot hold a place of someone else's even for a moment.
 */
class TextMeOtpLateStoreAnswersTest extends TextMeOtpTestSupport {

    private static final String SENT = "{\"status\":0,\"message\":\"sent\"}";
    private static final String WRONG_CODE = "{\"status\":12,\"message\":\"unverified code\"}";
    private static final Map<String, Object> CALLER = Map.of(TextMeOtpConstants.CLIENT_KEY, "203.0.113.7");

    private final StallingStore store = new StallingStore();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TextMeOtpComponent component = context.getComponent("textme-otp", TextMeOtpComponent.class);
        component.getConfiguration().setConnectTimeout(200);
        component.setLimitStore(store);
        return context;
    }

    /**
     * A send takes the client's place, the phone's, the account's, then records the code sent; each in a new bucket,
     * which takes two commands (Bucket4j finds no bucket, then creates it): 8 commands.
     */
    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7 })
    void aSendWhoseCommandStallsLeavesNoPlaceOnceTheStoreWakes(int commandsAnswered) {
        textMeAnswers(SENT);
        store.stallAfter(commandsAnswered);

        failure(TextMeOtpLimitStoreException.class, "textme-otp:send?clientSendLimit=3&accountSendLimit=3", PHONE,
                CALLER);
        assertTrue(store.heldCommands() > 0, "the stalled command is held");
        store.wake();

        assertEquals(0, store.keys(), "buckets not full");
        assertEquals(1, component().getLimitPlacesGivenBackLate());
        assertNoRequestSent();
    }

    /**
     * A wrong code, once a code was sent: the client's count of validates (a new bucket: two commands), the reads of
     * the phone's wrong codes and of its record, then the wrong code's place (a new bucket): 6 commands.
     */
    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 2, 3, 4, 5 })
    void aValidateWhoseCommandStallsLeavesNoPlaceOnceTheStoreWakes(int commandsAnswered) {
        textMeAnswers(SENT);
        template.requestBody("textme-otp:send", PHONE);
        int keysOfTheSend = store.keys();
        textMeAnswers(WRONG_CODE);
        store.stallAfter(commandsAnswered);

        failure(TextMeOtpLimitStoreException.class, "textme-otp:validate?clientValidationLimit=3", CODE,
                Map.of(TextMeOtpConstants.PHONE, PHONE, TextMeOtpConstants.CLIENT_KEY, "203.0.113.7"));
        store.wake();

        assertEquals(keysOfTheSend, store.keys(), "buckets not full: the phone's sends and the record of its code");
        assertEquals(1, requests().size(), "requests TextMe received: the send only");
    }

    @Test
    void aCallerItsOwnLimitRefusesSendsNoCommandForThePhoneItNames() {
        textMeAnswers(SENT);
        String uri = "textme-otp:send?clientSendLimit=1";
        template.requestBodyAndHeaders(uri, "0527654321", CALLER);
        int commandsBefore = store.commandsReceived();

        TextMeOtpRateLimitException refused = failure(TextMeOtpRateLimitException.class, uri, PHONE, CALLER);
        assertEquals(TextMeOtpLimit.CLIENT_SENDS, refused.getLimit());
        assertEquals(1, store.commandsReceived() - commandsBefore, "commands: the caller's own place only");
    }

    @Test
    void aCallerItsOwnValidateLimitRefusesSendsNoCommandForThePhoneItNames() {
        textMeAnswers(SENT);
        template.requestBody("textme-otp:send", PHONE);
        textMeAnswers(WRONG_CODE);
        String uri = "textme-otp:validate?clientValidationLimit=1";
        Map<String, Object> headers = Map.of(TextMeOtpConstants.PHONE, "0527654321",
                                             TextMeOtpConstants.CLIENT_KEY, "203.0.113.7");
        template.requestBodyAndHeaders(uri, CODE, headers);
        int commandsBefore = store.commandsReceived();

        TextMeOtpRateLimitException refused = failure(
                TextMeOtpRateLimitException.class, uri, CODE,
                Map.of(TextMeOtpConstants.PHONE, PHONE, TextMeOtpConstants.CLIENT_KEY, "203.0.113.7"));
        assertEquals(TextMeOtpLimit.CLIENT_VALIDATIONS, refused.getLimit());
        assertEquals(1, store.commandsReceived() - commandsBefore, "commands: the caller's own place only");
    }

    private TextMeOtpComponent component() {
        return context.getComponent("textme-otp", TextMeOtpComponent.class);
    }
}
