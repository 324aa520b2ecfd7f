package io.github.cameltextme.otp.examples.kamelets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Camel context per test, whose TextMe account is the simulator's: the {@code textme.*} properties that the route
 * file and the Pipe read, and the Kamelets' {@code baseUrl} pointed at the simulator through
 * {@code camel.kamelet.<name>.baseUrl}. The Kamelets themselves come from {@code classpath:kamelets}.
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
        properties.addInitialProperty("camel.kamelet." + SEND_KAMELET + ".baseUrl", sim.apiUrl());
        properties.addInitialProperty("camel.kamelet." + VALIDATE_KAMELET + ".baseUrl", sim.apiUrl());
        addRoutes();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        context.close();
    }

    /** Adds the routes under test, before the context starts. */
    abstract void addRoutes() throws Exception;

    /** Sends a JSON text and reads the JSON answer. */
    JsonNode requestJson(String uri, String json) throws Exception {
        return JSON.readTree(template.requestBody(uri, json, String.class));
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
