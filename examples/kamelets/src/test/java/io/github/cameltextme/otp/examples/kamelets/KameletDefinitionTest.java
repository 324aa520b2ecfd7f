package io.github.cameltextme.otp.examples.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
 * against the component's own metadata ({@code textme-otp.json}): each component option of the operation is a titled,
 * described, typed property with the component's default, the token is a password, and the template passes every
 * property on to the component.
 */
class KameletDefinitionTest {

    private static final String COMPONENT_JSON = "META-INF/io/github/cameltextme/otp/textme-otp.json";
    /** Endpoint options that are not Kamelet properties. */
    /**
     * Limits a Kamelet user may set, which otherwise keep the component's value: without a default, so that a limit
     * set on the component (an account's budget above all) is not overridden by the Kamelet's own default.
     */
    private static final Set<String> LIMITS_DEFAULTING_TO_THE_COMPONENT = Set.of(
            "resendInterval", "phoneSendLimit", "accountSendLimit");

    private static final Set<String> NOT_KAMELET_PROPERTIES = Set.of(
            "operation", "lazyStartProducer", // Camel's plumbing, not TextMe settings
            // a bean reference, not a value: set it on the component, camel.component.textme-otp.ssl-context-parameters=#bean:name
            "sslContextParameters",
            // limits the Kamelets leave to the component, so that one setting holds for every route of the service
            "limitsEnabled", "phoneSendWindow", "clientSendLimit", "clientSendWindow", "accountSendWindow",
            "failedValidationLimit", "failedValidationWindow");
    /** What each Kamelet's JSON input may carry: the caller's data, never a setting. */
    private static final Map<String, Set<String>> INPUT_FIELDS = Map.of(
            "textme-otp-send-action", Set.of("phone"),
            "textme-otp-validate-action", Set.of("phone", "code"));
    /** The properties both Kamelets have: the account, and how to reach TextMe. */
    private static final List<String> CONNECTION = List.of(
            "testMode", "baseUrl", "connectTimeout", "responseTimeout", "allowInsecureHttp",
            "proxyHost", "proxyPort", "proxyScheme", "proxyAuthUsername", "proxyAuthPassword");

    record Kamelet(String name, String operation, Set<String> properties, List<String> required) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kamelet> kamelets() {
        return Stream.of(
                new Kamelet("textme-otp-send-action", "send",
                            with(CONNECTION, "username", "apiToken", "source", "appId", "maxTries", "validTime", "text",
                                 "resendInterval", "phoneSendLimit", "accountSendLimit"),
                            List.of("username", "apiToken", "source")),
                new Kamelet("textme-otp-validate-action", "validate",
                            with(CONNECTION, "username", "apiToken", "appId", "throwOnInvalidCode"),
                            List.of("username", "apiToken")));
    }

    private static Set<String> with(List<String> common, String... names) {
        Set<String> all = new HashSet<>(common);
        all.addAll(List.of(names));
        return Set.copyOf(all);
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
        assertTrue(list(map(yaml, "spec"), "dependencies").containsAll(
                List.of("camel:jackson", "mvn:io.github.cameltextme:camel-textme-otp:" + version)));
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void eachComponentOptionOfTheOperationIsADescribedTypedProperty(Kamelet kamelet) throws IOException {
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
            assertNotBlank(property.get("description"));
            String type = option.get("type").asText();
            String schemaType = switch (type) {
                case "duration" -> "integer";
                case "enum" -> "string";
                default -> type;
            };
            assertEquals(schemaType, property.get("type"), name);
            if (option.has("enum")) {
                List<String> values = new ArrayList<>();
                option.get("enum").forEach(value -> values.add(value.asText()));
                assertEquals(values, property.get("enum"), name);
            }
            JsonNode componentDefault = option.get("defaultValue");
            if (LIMITS_DEFAULTING_TO_THE_COMPONENT.contains(name)) {
                assertFalse(property.containsKey("default"), name + " leaves its default to the component's setting");
            } else if (componentDefault == null) {
                assertFalse(property.containsKey("default"), name + " has no default in the component");
            } else {
                assertEquals(componentDefault.asText(), String.valueOf(property.get("default")), name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void theSecretsArePasswords(Kamelet kamelet) throws IOException {
        Map<String, Object> properties = map(map(map(load(kamelet), "spec"), "definition"), "properties");
        JsonNode options = component().get("properties");

        assertTrue(options.at("/apiToken/secret").asBoolean());
        for (String name : kamelet.properties()) {
            Map<String, Object> property = map(properties, name);
            if (options.get(name).path("secret").asBoolean()) {
                assertEquals("password", property.get("format"), name);
                assertEquals(Set.of("urn:alm:descriptor:com.tectonic.ui:password", "urn:camel:group:credentials"),
                             Set.copyOf(list(property, "x-descriptors")), name);
            } else {
                assertFalse(property.containsKey("format"), name + " is not a secret");
            }
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
            boolean alwaysSet = kamelet.required().contains(name) || map(properties, name).containsKey("default");
            assertEquals(alwaysSet ? "{{" + name + "}}" : "{{?" + name + "}}", parameters.get(name),
                         name + ": an optional property without default must not reach the component when unset");
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

    @Test
    void theKameletsTogetherCoverEveryComponentOption() throws IOException {
        Set<String> covered = new HashSet<>();
        for (Kamelet kamelet : kamelets().toList()) {
            covered.addAll(kamelet.properties());
        }
        Set<String> options = new HashSet<>();
        component().get("properties").fieldNames().forEachRemaining(options::add);
        options.removeAll(NOT_KAMELET_PROPERTIES);

        assertEquals(options, covered);
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
