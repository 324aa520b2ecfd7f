package io.github.cameltextme.otp.examples.kamelets;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.TextMeOtpConfiguration;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Camel context per test, whose TextMe account is the simulator's: the {@code textme.*} properties that the route
 * file and the Pipe read, and the component's {@code baseUrl}, which the Kamelets do not set, pointed at the
 * simulator. The Kamelets themselves come from {@code classpath:kamelets}.
 */
@ExtendWith(TextMeSimulatorExtension.class)
abstract class KameletTestSupport {

    static final String SEND_KAMELET = "textme-otp-send-action";
    static final String VALIDATE_KAMELET = "textme-otp-validate-action";
    static final String SOURCE = "DemoAPI";
    static final String PHONE = "0521234567";

    private static final ObjectMapper JSON = new ObjectMapper();

    TextMeSimulator sim;
    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.addInitialProperty("textme.username", sim.username());
        properties.addInitialProperty("textme.api-token", sim.token());
        properties.addInitialProperty("textme.source", SOURCE);
        componentOptions().setBaseUrl(sim.apiUrl());
        addRoutes();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        context.close();
    }

    /** The textme-otp component's options, which hold for the Kamelets' endpoints where they set nothing. */
    TextMeOtpConfiguration componentOptions() {
        return context.getComponent("textme-otp", TextMeOtpComponent.class).getConfiguration();
    }

    /** Adds the routes under test, before the context starts. */
    abstract void addRoutes() throws Exception;

    /** The simulator's account as {@code camel.kamelet.<name>.*} properties of both Kamelets, the sender too. */
    void accountAsKameletProperties() {
        PropertiesComponent properties = context.getPropertiesComponent();
        for (String kamelet : List.of(SEND_KAMELET, VALIDATE_KAMELET)) {
            properties.addInitialProperty("camel.kamelet." + kamelet + ".username", sim.username());
            properties.addInitialProperty("camel.kamelet." + kamelet + ".apiToken", sim.token());
        }
        properties.addInitialProperty("camel.kamelet." + SEND_KAMELET + ".source", SOURCE);
    }

    /** Sends a JSON text and reads the JSON answer. */
    JsonNode requestJson(String uri, String json) throws Exception {
        return JSON.readTree(template.requestBody(uri, json, String.class));
    }

    /** Sends a JSON text with one header and reads the JSON answer. */
    JsonNode requestJson(String uri, String json, String header, Object value) throws Exception {
        return JSON.readTree(template.requestBodyAndHeader(uri, json, header, value, String.class));
    }

    /** Sends a JSON text that must fail the exchange, and returns the failure, which must be of this type. */
    <T extends Exception> T failure(Class<T> type, String uri, String json) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(uri, json));
        return assertInstanceOf(type, e.getCause());
    }

    /** The body of the one request the simulator received, as JSON. */
    JsonNode onlyRequestBody() throws Exception {
        assertEquals(1, sim.requests().size());
        return JSON.readTree(sim.requests().get(0).body());
    }

    static String validateJson(String phone, String code) {
        return "{\"phone\": \"" + phone + "\", \"code\": \"" + code + "\"}";
    }

    static String wrongCode(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
