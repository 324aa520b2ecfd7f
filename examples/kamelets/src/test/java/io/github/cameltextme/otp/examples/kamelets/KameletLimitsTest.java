package io.github.cameltextme.otp.examples.kamelets;

import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.TextMeOtpConstants;
import io.github.cameltextme.otp.TextMeOtpLimit;
import io.github.cameltextme.otp.TextMeOtpRateLimitException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The send Kamelet's limit properties reach its textme-otp endpoint; unset, the component's values hold (its account
 * budget above all), and so do the limits it leaves to the component (the wrong-code lockout, the client limit). A refused exchange never reaches the
 * simulator.
 */
class KameletLimitsTest extends KameletTestSupport {

    private static final String OTHER_PHONE = "0527654321";
    private static final String THIRD_PHONE = "0541112233";

    @Override
    void addRoutes() throws Exception {
        accountAsKameletProperties();
        TextMeOtpConfiguration componentOptions = componentOptions();
        componentOptions.setFailedValidationLimit(1);
        componentOptions.setClientSendLimit(1);
        componentOptions.setAccountSendLimit(3);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("kamelet:" + SEND_KAMELET);
                from("direct:send-once-per-phone")
                        .to("kamelet:" + SEND_KAMELET + "?phoneSendLimit=1&resendInterval=0");
                from("direct:send-twice-per-account")
                        .to("kamelet:" + SEND_KAMELET + "?accountSendLimit=2");
                from("direct:send-as-client")
                        .setHeader(TextMeOtpConstants.CLIENT_KEY, constant("client-1"))
                        .to("kamelet:" + SEND_KAMELET);
                from("direct:validate").to("kamelet:" + VALIDATE_KAMELET);
            }
        });
    }

    @Test
    void phoneSendLimitAndResendIntervalReachTheEndpoint() throws Exception {
        requestJson("direct:send-once-per-phone", phone(PHONE));

        assertRefusedBy(TextMeOtpLimit.PHONE_SENDS, "direct:send-once-per-phone", phone(PHONE), 1);
    }

    @Test
    void byDefaultASecondSendToOnePhoneWaitsForTheResendInterval() throws Exception {
        requestJson("direct:send", phone(PHONE));

        assertRefusedBy(TextMeOtpLimit.RESEND_INTERVAL, "direct:send", phone(PHONE), 1);
        assertEquals(0, requestJson("direct:send", phone(OTHER_PHONE)).get("status").asInt(), "another phone");
    }

    @Test
    void accountSendLimitCountsEveryPhone() throws Exception {
        requestJson("direct:send-twice-per-account", phone(PHONE));
        requestJson("direct:send-twice-per-account", phone(OTHER_PHONE));

        assertRefusedBy(TextMeOtpLimit.ACCOUNT_SENDS, "direct:send-twice-per-account", phone(THIRD_PHONE), 2);
    }

    @Test
    void withoutTheKameletPropertyTheComponentsAccountBudgetHolds() throws Exception {
        requestJson("direct:send", phone(PHONE));
        requestJson("direct:send", phone(OTHER_PHONE));
        requestJson("direct:send", phone(THIRD_PHONE));

        assertRefusedBy(TextMeOtpLimit.ACCOUNT_SENDS, "direct:send", phone("0549998877"), 3);
    }

    @Test
    void theComponentsFailedValidationLimitLocksTheValidateKamelet() throws Exception {
        requestJson("direct:send", phone(PHONE));
        String code = sim.lastCode(PHONE);
        assertFalse(requestJson("direct:validate", validateJson(PHONE, wrongCode(code))).get("valid").asBoolean());

        assertRefusedBy(TextMeOtpLimit.FAILED_VALIDATIONS, "direct:validate", validateJson(PHONE, code), 2);
    }

    @Test
    void theComponentsClientSendLimitCountsTheRoutesClientKey() throws Exception {
        requestJson("direct:send-as-client", phone(PHONE));

        assertRefusedBy(TextMeOtpLimit.CLIENT_SENDS, "direct:send-as-client", phone(OTHER_PHONE), 1);
    }

    /**
     * Sends the JSON through the route, which this limit must refuse unsent: the simulator has received only the
     * {@code requests} before it.
     */
    private void assertRefusedBy(TextMeOtpLimit limit, String uri, String json, int requests) {
        assertEquals(limit, failure(TextMeOtpRateLimitException.class, uri, json).getLimit());
        assertEquals(requests, sim.requests().size());
    }

    private static String phone(String phone) {
        return "{\"phone\": \"" + phone + "\"}";
    }
}
