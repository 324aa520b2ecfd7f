package io.github.cameltextme.otp.examples.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelet files as catalogs and tools (Kaoto, Karavan, the Camel K operator, Camel JBang) read them, checked
 * against the component's own metadata ({@code textme-otp.json}): each property is a titled component option with the
 * component's description and type and no default of its own, the credentials are grouped and the token is a
 * password, and the template passes every property on to the component, the optional ones as {@code {{?name}}}.
 */
class KameletDefinitionTest {

    private static final String COMPONENT_JSON = "META-INF/io/github/cameltextme/otp/textme-otp.json";
    /**
     * The component's options that are not Kamelet properties: settings of the service rather than of one use of a
     * Kamelet, set once on the component ({@code camel.component.textme-otp.*}) for every endpoint.
     */
    private static final Set<String> COMPONENT_ONLY = Set.of(
            "operation", "lazyStartProducer", // Camel's plumbing, not TextMe settings
            // the code's application id: send and validate must agree on it
            "appId",
            // where and how TextMe is reached
            "baseUrl", "connectTimeout", "responseTimeout", "allowInsecureHttp", "sslContextParameters",
            "proxyHost", "proxyPort", "proxyScheme", "proxyAuthUsername", "proxyAuthPassword",
            // limits one setting of which holds for every route of the service
            "limitsEnabled", "phoneSendWindow", "clientSendLimit", "clientSendWindow", "accountSendWindow",
            "failedValidationLimit", "failedValidationWindow", "clientValidationLimit", "clientValidationWindow",
            "fallbackToMemory");
    /** What each Kamelet's JSON input may carry: the caller's data, never a setting. */
    private static final Map<String, Set<String>> INPUT_FIELDS = Map.of(
            "textme-otp-send-action", Set.of("phone"),
            "textme-otp-validate-action", Set.of("phone", "code"));

    record Kamelet(String name, String operation, Set<String> properties, List<String> required) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kamelet> kamelets() {
        return Stream.of(
                new Kamelet("textme-otp-send-action", "send",
                            Set.of("username", "apiToken", "source", "text", "maxTries", "validTime", "testMode",
                                   "resendInterval", "phoneSendLimit", "accountSendLimit"),
                            List.of("username", "apiToken", "source")),
                new Kamelet("textme-otp-validate-action", "validate",
                            Set.of("username", "apiToken", "throwOnInvalidCode", "testMode"),
                            List.of("username", "apiToken")));
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void isAnActionKameletWithCatalogMetadata(Kamelet kamelet) throws IOException {
        Map<String, Object> yaml = load(kamelet);
        Map<String, Object> metadata = map(yaml, "metadata");
        Map<String, Object> annotations = map(metadata, "annotations");
        String version = component().at("/component/version").asText();

        assertEquals("camel.apache.org/v1", yaml.get("apiVersion"));
        assertEquals("Kamelet", yaml.get("kind"));
        assertEquals(kamelet.name(), metadata.get("name"));
        assertEquals("action", map(metadata, "labels").get("camel.apache.org/kamelet.type"));
        assertEquals("TextMe", annotations.get("camel.apache.org/kamelet.group"));
        assertEquals(version, annotations.get("camel.apache.org/catalog.version"));
        assertNotBlank(annotations.get("camel.apache.org/kamelet.support.level"));
        assertNotBlank(annotations.get("camel.apache.org/provider"));
        String icon = (String) annotations.get("camel.apache.org/kamelet.icon");
        assertTrue(icon.startsWith("data:image/svg+xml;base64,"));
        String svg = new String(Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg "), svg);

        Map<String, Object> definition = map(map(yaml, "spec"), "definition");
        assertNotBlank(definition.get("title"));
        assertNotBlank(definition.get("description"));
        assertFalse(((String) definition.get("description")).contains("\n"), "a one-line description");
        assertTrue(list(map(yaml, "spec"), "dependencies").containsAll(
                List.of("camel:jackson", "mvn:io.github.cameltextme:camel-textme-otp:" + version)));
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void eachPropertyIsAComponentOptionWithItsDescriptionAndType(Kamelet kamelet) throws IOException {
        Map<String, Object> definition = map(map(load(kamelet), "spec"), "definition");
        Map<String, Object> properties = map(definition, "properties");
        JsonNode options = component().get("properties");

        assertEquals(kamelet.properties(), properties.keySet());
        assertEquals(kamelet.required(), definition.get("required"));
        for (String name : kamelet.properties()) {
            Map<String, Object> property = map(properties, name);
            JsonNode option = options.get(name);
            assertNotNull(option, name + " is a component option");
            assertNotBlank(property.get("title"));
            assertEquals(option.get("description").asText(), property.get("description"), name);
            String schemaType = switch (option.get("type").asText()) {
                case "duration" -> "integer";
                case "enum" -> "string";
                default -> option.get("type").asText();
            };
            assertEquals(schemaType, property.get("type"), name);
            assertFalse(property.containsKey("default"), name + ": unset, the component's value holds");
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void theCredentialsAreGroupedAndTheTokenIsAPassword(Kamelet kamelet) throws IOException {
        Map<String, Object> properties = map(map(map(load(kamelet), "spec"), "definition"), "properties");

        assertTrue(component().at("/properties/apiToken/secret").asBoolean());
        for (String name : kamelet.properties()) {
            Map<String, Object> property = map(properties, name);
            boolean credential = name.equals("username") || name.equals("apiToken");
            assertEquals(name.equals("apiToken") ? "password" : null, property.get("format"), name);
            assertEquals(credential ? List.of("urn:camel:group:credentials") : null, property.get("x-descriptors"),
                         name);
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void noLegacyDescriptors(Kamelet kamelet) throws IOException {
        try (InputStream in = resource("kamelets/" + kamelet.name() + ".kamelet.yaml")) {
            assertFalse(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("com.tectonic.ui"));
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void theTemplatePassesEveryPropertyToTheComponent(Kamelet kamelet) throws IOException {
        Map<String, Object> spec = map(load(kamelet), "spec");
        Map<String, Object> properties = map(map(spec, "definition"), "properties");
        Map<String, Object> from = map(map(spec, "template"), "from");
        Map<String, Object> to = list(from, "steps").stream()
                .map(KameletDefinitionTest::asMap)
                .filter(step -> step.containsKey("to"))
                .map(step -> map(step, "to"))
                .findFirst().orElseThrow();
        Map<String, Object> parameters = map(to, "parameters");

        assertEquals("kamelet:source", from.get("uri"));
        assertEquals("textme-otp:" + kamelet.operation(), to.get("uri"));
        assertEquals(properties.keySet(), parameters.keySet());
        for (String name : kamelet.properties()) {
            assertEquals(kamelet.required().contains(name) ? "{{" + name + "}}" : "{{?" + name + "}}",
                         parameters.get(name), name + ": an optional property must not reach the component when unset");
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void theJsonInputCarriesOnlyTheCallersData(Kamelet kamelet) throws IOException {
        Map<String, Object> json = map(map(map(map(map(load(kamelet), "spec"), "dataTypes"), "in"), "types"), "json");
        Map<String, Object> schema = map(json, "schema");

        assertEquals(INPUT_FIELDS.get(kamelet.name()), map(schema, "properties").keySet());
        assertEquals(INPUT_FIELDS.get(kamelet.name()), Set.copyOf(list(schema, "required")));
    }

    /** What a Kamelet user cannot set on a Kamelet stays settable on the component: every option is one or the other. */
    @Test
    void everyComponentOptionIsAKameletPropertyOrComponentOnly() throws IOException {
        Set<String> covered = new HashSet<>(COMPONENT_ONLY);
        for (Kamelet kamelet : kamelets().toList()) {
            covered.addAll(kamelet.properties());
        }
        Set<String> options = new HashSet<>();
        component().get("properties").fieldNames().forEachRemaining(options::add);

        assertEquals(options, covered);
        assertTrue(component().get("componentProperties").has("proxyHost"), "component-only options are component's");
    }

    private static Map<String, Object> load(Kamelet kamelet) throws IOException {
        try (InputStream in = resource("kamelets/" + kamelet.name() + ".kamelet.yaml")) {
            return asMap(new Load(LoadSettings.builder().build()).loadFromInputStream(in));
        }
    }

    private static JsonNode component() throws IOException {
        try (InputStream in = resource(COMPONENT_JSON)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = KameletDefinitionTest.class.getClassLoader().getResourceAsStream(path);
        assertNotNull(in, path);
        return in;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertTrue(value instanceof Map, () -> "a mapping: " + value);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, () -> key + " is a list: " + value);
        return (List<?>) value;
    }

    private static void assertNotBlank(Object value) {
        assertTrue(value instanceof String s && !s.isBlank(), () -> "a non-blank string: " + value);
    }
}
