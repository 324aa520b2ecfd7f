package io.github.cameltextme.otp;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How TextMe's answers become results, headers and exceptions; every answer arrives as HTTP 200.
 */
class TextMeOtpAnswerTest extends TextMeOtpTestSupport {

    private static final Map<String, Object> FOR_PHONE = Map.of(TextMeOtpConstants.PHONE, PHONE);

    @Test
    void aSentOtpBecomesTheResultAndHeaders() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"OTP sent\",\"shipment_id\":123456789}");

        Message out = exchange("textme-otp:send", "+972-52-123-4567", Map.of()).getMessage();

        TextMeOtpResult result = out.getBody(TextMeOtpResult.class);
        assertEquals(TextMeOtpOperation.send, result.getOperation());
        assertEquals(0, result.getStatus());
        assertEquals("OTP sent", result.getMessage());
        assertEquals("123456789", result.getShipmentId());
        assertEquals(PHONE, result.getPhone());
        assertNull(result.getValid());
        assertEquals(0, out.getHeader(TextMeOtpConstants.STATUS));
        assertEquals("OTP sent", out.getHeader(TextMeOtpConstants.MESSAGE));
        assertEquals("123456789", out.getHeader(TextMeOtpConstants.SHIPMENT_ID));
        assertFalse(out.getHeaders().containsKey(TextMeOtpConstants.VALID));
        assertEquals("{\"operation\":\"send\",\"status\":0,\"message\":\"OTP sent\",\"shipmentId\":\"123456789\","
                     + "\"phone\":\"0521234567\"}",
                     new ObjectMapper().writeValueAsString(result));
    }

    @Test
    void aSendWithoutShipmentIdLeavesItOut() throws Exception {
        textMeAnswers("{\"status\":\"0\",\"message\":\"sent\"}");

        Message out = exchange("textme-otp:send", PHONE, Map.of(TextMeOtpConstants.SHIPMENT_ID, "stale")).getMessage();

        TextMeOtpResult result = out.getBody(TextMeOtpResult.class);
        assertNull(result.getShipmentId());
        assertFalse(out.getHeaders().containsKey(TextMeOtpConstants.SHIPMENT_ID));
        assertEquals("{\"operation\":\"send\",\"status\":0,\"message\":\"sent\",\"phone\":\"0521234567\"}",
                     new ObjectMapper().writeValueAsString(result));
    }

    @Test
    void anAcceptedCodeIsValid() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"verified\"}");

        Message out = exchange("textme-otp:validate", CODE, FOR_PHONE).getMessage();

        TextMeOtpResult result = out.getBody(TextMeOtpResult.class);
        assertEquals(TextMeOtpOperation.validate, result.getOperation());
        assertTrue(result.getValid());
        assertEquals(Boolean.TRUE, out.getHeader(TextMeOtpConstants.VALID));
        assertEquals(0, out.getHeader(TextMeOtpConstants.STATUS));
        assertEquals("{\"operation\":\"validate\",\"status\":0,\"message\":\"verified\",\"valid\":true,"
                     + "\"phone\":\"0521234567\"}",
                     new ObjectMapper().writeValueAsString(result));
    }

    @ParameterizedTest
    @ValueSource(strings = { "12", "\"12\"" })
    void status12IsAnInvalidCodeNotAnError(String status) {
        textMeAnswers("{\"status\":" + status + ",\"message\":\"unverified code\"}");

        Exchange exchange = exchange("textme-otp:validate", CODE, FOR_PHONE);

        assertNull(exchange.getException());
        TextMeOtpResult result = exchange.getMessage().getBody(TextMeOtpResult.class);
        assertFalse(result.getValid());
        assertEquals(12, result.getStatus());
        assertEquals("unverified code", result.getMessage());
        assertEquals(Boolean.FALSE, exchange.getMessage().getHeader(TextMeOtpConstants.VALID));
        assertEquals(12, exchange.getMessage().getHeader(TextMeOtpConstants.STATUS));
    }

    @Test
    void status12RaisesWhenTheEndpointAsksForIt() {
        textMeAnswers("{\"status\":12,\"message\":\"unverified code\"}");

        TextMeOtpInvalidCodeException e = failure(TextMeOtpInvalidCodeException.class,
                                                  "textme-otp:validate?throwOnInvalidCode=true", CODE, FOR_PHONE);

        assertEquals(12, e.getStatus());
        assertEquals("unverified code", e.getApiMessage());
        assertEquals(TextMeOtpOperation.validate, e.getOperation());
    }

    @Test
    void status12OnSendIsAnApiFailure() {
        textMeAnswers("{\"status\":12,\"message\":\"not enough money\"}");

        TextMeOtpApiException e = failure(TextMeOtpApiException.class, "textme-otp:send", PHONE, Map.of());

        assertFalse(e instanceof TextMeOtpInvalidCodeException);
        assertEquals(12, e.getStatus());
    }

    @ParameterizedTest
    @CsvSource({ "send,3", "send,10", "send,11", "validate,3", "validate,10", "validate,11" })
    void credentialStatusesRaiseAuthenticationExceptions(String operation, int status) {
        textMeAnswers("{\"status\":" + status + ",\"message\":\"bad credentials\"}");

        TextMeOtpAuthenticationException e = failure(TextMeOtpAuthenticationException.class,
                                                     "textme-otp:" + operation, body(operation), FOR_PHONE);

        assertEquals(status, e.getStatus());
        assertEquals("bad credentials", e.getApiMessage());
        assertEquals(TextMeOtpOperation.valueOf(operation), e.getOperation());
    }

    @ParameterizedTest
    @CsvSource({ "send,1", "send,2", "send,4", "send,5", "send,9", "send,515", "send,989", "send,997", "send,999",
                 "validate,2", "validate,6", "validate,998" })
    void otherStatusesRaiseApiExceptionsWithTheVendorsMessage(String operation, int status) {
        textMeAnswers("{\"status\":\"" + status + "\",\"message\":\"vendor says " + status + "\"}");

        TextMeOtpApiException e = failure(TextMeOtpApiException.class, "textme-otp:" + operation, body(operation),
                                          FOR_PHONE);

        assertFalse(e instanceof TextMeOtpAuthenticationException);
        assertEquals(status, e.getStatus());
        assertEquals("vendor says " + status, e.getApiMessage());
        assertEquals("TextMe " + TextMeOtpOperation.valueOf(operation).apiCommand() + " failed with status " + status
                     + ": vendor says " + status, e.getMessage());
        assertEquals(1, requests().size(), "exactly one request, no retry");
    }

    @Test
    void unknownFieldsAreIgnored() {
        textMeAnswers("{\"status\":0,\"message\":\"ok\",\"balance\":{\"sms\":10},\"extra\":[1,2],\"shipment_id\":\"a1\"}");

        TextMeOtpResult result = template.requestBody("textme-otp:send", PHONE, TextMeOtpResult.class);

        assertEquals("a1", result.getShipmentId());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"message\":\"ok\"}", "{\"status\":null}", "null", "{\"status\":\"ok\"}" })
    void anAnswerWithoutAUsableStatusIsATransportFailure(String json) {
        textMeAnswers(json);

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:send", PHONE, Map.of());

        assertEquals(TextMeOtpOperation.send, e.getOperation());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "validate|{\"status\":0.9}", "validate|{\"status\":-0.5}", "validate|{\"status\":\" 0 \"}",
            "validate|{\"status\":\"+0\"}", "validate|{\"status\":12,\"status\":0}", "validate|{\"status\":-0}",
            "validate|{\"status\":0e0}", "validate|{\"status\":\"00\"}", "validate|{\"status\":\"0.0\"}",
            "validate|{\"status\":\"\u0660\"}", "validate|{\"status\":true}", "validate|{\"status\":[0]}",
            "validate|{\"status\":1000}", "validate|{\"status\":\"1000\"}",
            "validate|{\"status\":0,\"extra\":{\"a\":1,\"a\":2}}", "validate|{\"status\":0,\"message\":\"a\",\"message\":\"b\"}",
            "send|{\"status\":0.9}", "send|{\"status\":\" 0 \"}", "send|{\"status\":\"+0\"}",
            "send|{\"status\":12,\"status\":0}", "send|{\"status\":0,\"shipment_id\":1,\"shipment_id\":2}" })
    void anythingButAPlainStatusFrom0To999IsATransportFailure(String operation, String json) {
        textMeAnswers(json);

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:" + operation,
                                                body(operation), FOR_PHONE);

        assertTrue(e.mayHaveReachedServer());
        assertEquals(TextMeOtpOperation.valueOf(operation), e.getOperation());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"status\":42137999999}", "{\"status\":\"42137999999\"}",
                             "{\"status\":4213799999942137999999}", "{\"status\":421379.99999}",
                             "{\"status\":0,\"42137999999\":1,\"42137999999\":2}" })
    void noPartOfAnUnreadableAnswerIsKept(String json) {
        textMeAnswers(json);

        TextMeOtpTransportException e = failure(TextMeOtpTransportException.class, "textme-otp:validate", CODE,
                                                FOR_PHONE);

        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("42137"), t.toString());
            assertFalse(t.toString().contains("4213"), t.toString());
        }
    }

    @Test
    void theCodeHeaderIsRemovedAfterValidate() {
        textMeAnswers("{\"status\":0,\"message\":\"ok\"}");

        Exchange exchange = exchange("textme-otp:validate", null, Map.of(TextMeOtpConstants.PHONE, PHONE,
                                                                          TextMeOtpConstants.CODE, CODE));

        assertNull(exchange.getException());
        assertFalse(exchange.getMessage().getHeaders().containsKey(TextMeOtpConstants.CODE));
    }

    @Test
    void theCodeHeaderIsRemovedWhenValidateFails() {
        textMeAnswers("{\"status\":3,\"message\":\"bad token\"}");

        Exchange exchange = exchange("textme-otp:validate", null, Map.of(TextMeOtpConstants.PHONE, PHONE,
                                                                          TextMeOtpConstants.CODE, CODE));

        assertInstanceOf(TextMeOtpAuthenticationException.class, exchange.getException());
        assertFalse(exchange.getMessage().getHeaders().containsKey(TextMeOtpConstants.CODE));
    }

    @Test
    void theCodeHeaderIsRemovedWhenTheInputIsRejected() {
        Exchange exchange = exchange("textme-otp:validate", null, Map.of(TextMeOtpConstants.PHONE, "03-123-4567",
                                                                          TextMeOtpConstants.CODE, CODE));

        assertInstanceOf(TextMeOtpValidationException.class, exchange.getException());
        assertFalse(exchange.getMessage().getHeaders().containsKey(TextMeOtpConstants.CODE));
        assertNoRequestSent();
    }

    @Test
    void answerHeadersOfAnEarlierCallDoNotSurviveAFailure() {
        textMeAnswers("{\"status\":4,\"message\":\"not enough credit\"}");

        Exchange exchange = exchange("textme-otp:send", PHONE, Map.of(
                TextMeOtpConstants.STATUS, 0, TextMeOtpConstants.MESSAGE, "earlier", TextMeOtpConstants.VALID, true,
                TextMeOtpConstants.SHIPMENT_ID, "earlier-1"));

        assertInstanceOf(TextMeOtpApiException.class, exchange.getException());
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        assertFalse(headers.containsKey(TextMeOtpConstants.STATUS), headers.toString());
        assertFalse(headers.containsKey(TextMeOtpConstants.MESSAGE), headers.toString());
        assertFalse(headers.containsKey(TextMeOtpConstants.VALID), headers.toString());
        assertFalse(headers.containsKey(TextMeOtpConstants.SHIPMENT_ID), headers.toString());
    }

    private static Object body(String operation) {
        return operation.equals("send") ? PHONE : CODE;
    }
}
