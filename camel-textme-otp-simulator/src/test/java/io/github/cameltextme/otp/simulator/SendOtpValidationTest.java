package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(TextMeSimulatorExtension.class)
class SendOtpValidationTest {

    private static final String PHONE = "0521234567";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static TextMeSimulator sim;
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(sim);
    }

    private JsonNode sendWith(String field, JsonNode value) {
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        Requests.fields(request).set(field, value);
        return api.post(request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone", "source"})
    void missingRequiredFieldIsStatus2NamingIt(String field) {
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        Requests.fields(request).remove(field);
        JsonNode answer = api.post(request);
        assertStatus(2, answer);
        assertTrue(answer.get("message").textValue().contains("send_otp." + field), answer.toString());
        assertStatus(2, sendWith(field, NODES.nullNode()));
        assertStatus(2, sendWith(field, NODES.textNode("")));
        assertTrue(sim.messages().isEmpty());
    }

    static Stream<Arguments> acceptedPhones() {
        return Stream.of(
                Arguments.of(NODES.textNode("0521234567")),
                Arguments.of(NODES.textNode("521234567")),
                Arguments.of(NODES.numberNode(521234567)));
    }

    @ParameterizedTest
    @MethodSource("acceptedPhones")
    void phoneInEitherApiFormIsAccepted(JsonNode phone) {
        assertStatus(0, sendWith("phone", phone));
        assertEquals("0521234567", sim.messages().get(0).phone());
    }

    static Stream<Arguments> rejectedPhones() {
        return Stream.of(
                Arguments.of(NODES.textNode("0421234567")),
                Arguments.of(NODES.textNode("052123456")),
                Arguments.of(NODES.textNode("05212345678")),
                Arguments.of(NODES.textNode("+972521234567")),
                Arguments.of(NODES.textNode("972521234567")),
                Arguments.of(NODES.textNode("052-1234567")),
                Arguments.of(NODES.textNode(" 0521234567")),
                Arguments.of(NODES.numberNode(52123456)),
                Arguments.of(NODES.numberNode(5.21234567e8)),
                Arguments.of(NODES.booleanNode(true)),
                Arguments.of(NODES.objectNode().put("number", PHONE)));
    }

    @ParameterizedTest
    @MethodSource("rejectedPhones")
    void phoneInAnyOtherFormIsStatus9(JsonNode phone) {
        assertStatus(9, sendWith("phone", phone));
        assertTrue(sim.messages().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DemoAPI", "A", "Abcdefghijk", "0501234567", "+972501234567", "123456789012345"})
    void wellFormedSourceIsAccepted(String source) {
        assertStatus(0, sendWith("source", NODES.textNode(source)));
        assertEquals(source, sim.messages().get(0).source());
    }

    @Test
    void numericSourceMayBeAJsonNumber() {
        assertStatus(0, sendWith("source", NODES.numberNode(972501234567L)));
        assertEquals("972501234567", sim.messages().get(0).source());
    }

    static Stream<Arguments> malformedSources() {
        return Stream.of(
                Arguments.of(NODES.textNode("Abcdefghijkl")),
                Arguments.of(NODES.textNode("Demo API")),
                Arguments.of(NODES.textNode("Demo-API")),
                Arguments.of(NODES.textNode("דמו")),
                Arguments.of(NODES.textNode("+1234567890123456")),
                Arguments.of(NODES.booleanNode(true)));
    }

    @ParameterizedTest
    @MethodSource("malformedSources")
    void malformedSourceIsStatus991(JsonNode source) {
        assertStatus(991, sendWith("source", source));
        assertTrue(sim.messages().isEmpty());
    }

    static Stream<Arguments> outOfRangeNumbers() {
        return Stream.of(
                Arguments.of("max_tries", NODES.numberNode(2)),
                Arguments.of("max_tries", NODES.numberNode(6)),
                Arguments.of("max_tries", NODES.textNode("x")),
                Arguments.of("max_tries", NODES.numberNode(3.5)),
                Arguments.of("valid_time", NODES.numberNode(0)),
                Arguments.of("valid_time", NODES.numberNode(16)),
                Arguments.of("valid_time", NODES.textNode("-1")),
                Arguments.of("app_id", NODES.numberNode(0)),
                Arguments.of("app_id", NODES.numberNode(-1)),
                Arguments.of("app_id", NODES.textNode("one")),
                Arguments.of("app_id", NODES.numberNode(1.5)),
                Arguments.of("app_id", NODES.numberNode(1L << 40)),
                Arguments.of("app_id", NODES.booleanNode(true)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("outOfRangeNumbers")
    void numberOutOfRangeIsStatus998NamingTheField(String field, JsonNode value) {
        JsonNode answer = sendWith(field, value);
        assertStatus(998, answer);
        assertTrue(answer.get("message").textValue().contains("send_otp." + field), answer.toString());
        assertTrue(sim.messages().isEmpty());
    }

    static Stream<Arguments> numbersInRange() {
        return Stream.of(
                Arguments.of("max_tries", NODES.numberNode(3)),
                Arguments.of("max_tries", NODES.numberNode(5)),
                Arguments.of("max_tries", NODES.textNode("4")),
                Arguments.of("valid_time", NODES.numberNode(1)),
                Arguments.of("valid_time", NODES.numberNode(15)),
                Arguments.of("valid_time", NODES.textNode("10")),
                Arguments.of("app_id", NODES.numberNode(1)),
                Arguments.of("app_id", NODES.textNode("7")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("numbersInRange")
    void numbersInRangeAreAcceptedAsNumbersOrStrings(String field, JsonNode value) {
        assertStatus(0, sendWith(field, value));
        assertEquals(1, sim.messages().size());
    }

    @Test
    void appIdIsKeptWithTheMessage() {
        assertStatus(0, sendWith("app_id", NODES.textNode("7")));
        assertEquals(7, sim.messages().get(0).appId());
    }

    @Test
    void textWithoutCodePlaceholderIsStatus998() {
        JsonNode answer = sendWith("text", NODES.textNode("your code is {code}"));
        assertStatus(998, answer);
        assertTrue(answer.get("message").textValue().contains("[code]"), answer.toString());
    }

    @Test
    void textThatIsNotAStringIsStatus998() {
        assertStatus(998, sendWith("text", NODES.numberNode(5)));
    }

    @Test
    void textOver1005CharactersIsStatus989() {
        String text = "[code]" + "x".repeat(1000);
        assertStatus(989, sendWith("text", NODES.textNode(text)));
        assertTrue(sim.messages().isEmpty());
    }

    @Test
    void textOfExactly1005CharactersIsAccepted() {
        String text = "[code]" + "x".repeat(999);
        assertStatus(0, sendWith("text", NODES.textNode(text)));
        assertEquals(1005, sim.messages().get(0).text().length());
    }

    @Test
    void missingOrEmptyTextUsesTheDefaultText() {
        assertStatus(0, sendWith("text", NODES.textNode("")));
        SmsMessage message = sim.messages().get(0);
        assertEquals("the code is " + message.code(), message.text());
    }

    @Test
    void everyPlaceholderInTheTextIsReplaced() {
        assertStatus(0, sendWith("text", NODES.textNode("[code] is your code ([code])")));
        SmsMessage message = sim.messages().get(0);
        assertEquals(message.code() + " is your code (" + message.code() + ")", message.text());
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertStatus(0, sendWith("color", NODES.textNode("blue")));
    }
}
