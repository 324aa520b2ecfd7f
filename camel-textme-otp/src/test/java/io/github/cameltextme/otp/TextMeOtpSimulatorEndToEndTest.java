package io.github.cameltextme.otp;

import java.util.Map;
import java.util.NoSuchElementException;

import io.github.cameltextme.otp.simulator.SmsMessage;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component against the project's TextMe simulator: a route sends an OTP, the test reads the code from the
 * simulator's inbox, the route validates it.
 */
@ExtendWith(TextMeSimulatorExtension.class)
class TextMeOtpSimulatorEndToEndTest extends CamelTestSupport {

    private static final String PHONE = "0541112233";

    /** Injected by the extension before the Camel context is created, as the README shows. */
    static TextMeSimulator sim;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TextMeOtpConfiguration textMe = context.getComponent("textme-otp", TextMeOtpComponent.class).getConfiguration();
        textMe.setBaseUrl(sim.apiUrl());
        textMe.setUsername(sim.username());
        textMe.setApiToken(sim.token());
        textMe.setSource("DemoAPI");
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("textme-otp:send");
                from("direct:verify").to("textme-otp:validate");
            }
        };
    }

    private boolean verify(String code) {
        return template.requestBody("direct:verify", Map.of("phone", "+972 54-111-2233", "code", code),
                                    TextMeOtpResult.class).getValid();
    }

    @Test
    void aSentCodeValidatesOnceAndAWrongOneDoesNot() {
        TextMeOtpResult sent = template.requestBody("direct:send", "054-111-2233", TextMeOtpResult.class);
        String code = sim.lastCode(PHONE);
        String wrong = code.equals("000000") ? "000001" : "000000";

        assertEquals(0, sent.getStatus());
        assertFalse(verify(wrong), "a wrong code");
        assertTrue(verify(code), "the code from the inbox");
        assertFalse(verify(code), "the same code again: it is one-time");
    }

    @Test
    void theSmsCarriesTheTextInHebrew() {
        template.requestBodyAndHeader("direct:send", PHONE, TextMeOtpConstants.TEXT, "הקוד שלך: [code]");

        SmsMessage sms = sim.messages().get(0);
        assertEquals("הקוד שלך: " + sms.code(), sms.text());
        assertEquals("DemoAPI", sms.source());
    }

    @Test
    void aCodeRunsOutOfTries() {
        template.requestBodyAndHeader("direct:send", PHONE, TextMeOtpConstants.MAX_TRIES, 3);
        String code = sim.lastCode(PHONE);
        String wrong = code.equals("999999") ? "999998" : "999999";

        for (int i = 0; i < 3; i++) {
            assertFalse(verify(wrong));
        }
        assertFalse(verify(code), "no tries left, even for the right code");
    }

    @Test
    void testModeSendsNothing() {
        TextMeOtpResult sent = template.requestBody("textme-otp:send?testMode=true", PHONE, TextMeOtpResult.class);

        assertEquals(0, sent.getStatus());
        assertTrue(sim.requests().get(0).dryRun());
        assertThrows(NoSuchElementException.class, () -> sim.lastCode(PHONE));
    }

    @Test
    void aWrongTokenIsAnAuthenticationFailure() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("textme-otp:send?apiToken=not-the-token", PHONE));

        TextMeOtpAuthenticationException cause = assertInstanceOf(TextMeOtpAuthenticationException.class, e.getCause());
        assertEquals(3, cause.getStatus());
    }

    @Test
    void aFailingServerIsATransportFailureAfterOneRequest() {
        sim.failNext(1, 503);

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:send", PHONE));

        assertInstanceOf(TextMeOtpTransportException.class, e.getCause());
        assertEquals(1, sim.requests().size());
        assertTrue(sim.messages().isEmpty());
    }
}
