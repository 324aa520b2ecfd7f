package io.github.cameltextme.examples.quarkus;

import java.net.http.HttpResponse;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The component's client limit counts per caller address, which no request header changes. */
@QuarkusTest
@TestProfile(ClientLimitTest.TwoSendsPerClient.class)
class ClientLimitTest {

    @TestHTTPResource("/")
    String baseUrl;

    @Test
    void theThirdSendFromOneAddressIs429WhateverItsForwardingHeadersSay() throws Exception {
        OtpHttp http = new OtpHttp(baseUrl);
        assertEquals(200, http.post("otp/send", "{\"phone\": \"0525550301\"}").statusCode());
        assertEquals(200, http.post("otp/send", "{\"phone\": \"0525550302\"}",
                                    "X-Forwarded-For", "203.0.113.7", "Forwarded", "for=203.0.113.8").statusCode());

        HttpResponse<String> third = http.post("otp/send", "{\"phone\": \"0525550303\"}",
                                               "X-Forwarded-For", "203.0.113.9", "X-Real-IP", "203.0.113.10");
        OtpHttp.assertTooManyRequests(third, 3600);
        assertEquals(1, http.refusedBy("client_sends"), "refused by CLIENT_SENDS");
    }

    /** Two sends per client per hour. */
    public static class TwoSendsPerClient implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camel.component.textme-otp.client-send-limit", "2",
                          "camel.component.textme-otp.client-send-window", "1h");
        }
    }
}
