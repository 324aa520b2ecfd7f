package io.github.cameltextme.otp.springboot;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.DurationStyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring configuration metadata, which IDEs show, says what the component's own metadata says: the same
 * descriptions and defaults, no option the component does not have, and the allowed values of enum options.
 */
class TextMeOtpStarterMetadataTest {

    private static final String PREFIX = "camel.component.textme-otp.";

    private final JsonNode metadata = read("/META-INF/spring-configuration-metadata.json");
    private final JsonNode component = read("/META-INF/io/github/cameltextme/otp/textme-otp.json");

    @Test
    void descriptionsAreTheComponents() {
        List<String> different = new ArrayList<>();
        componentOptions().forEach((option, componentProperty) -> {
            JsonNode property = documented().get(PREFIX + kebabCase(option));
            String expected = componentProperty.path("description").asText();
            if (property == null || !expected.equals(property.path("description").asText())) {
                different.add(option + ": expected \"" + expected + "\" but the metadata has \""
                              + (property == null ? null : property.path("description").asText()) + "\"");
            }
        });
        assertTrue(different.isEmpty(), String.join("\n", different));
    }

    @Test
    void defaultsAreTheComponents() {
        List<String> different = new ArrayList<>();
        componentOptions().forEach((option, componentProperty) -> {
            JsonNode property = documented().get(PREFIX + kebabCase(option));
            String expected = componentProperty.has("defaultValue") ? componentProperty.get("defaultValue").asText() : null;
            String actual = property != null && property.has("defaultValue") ? property.get("defaultValue").asText() : null;
            if (actual != null && "duration".equals(componentProperty.path("type").asText())) {
                actual = String.valueOf(DurationStyle.detectAndParse(actual).toMillis());
            }
            if (expected == null ? actual != null : !expected.equals(actual)) {
                different.add(option + ": expected " + expected + " but the metadata has " + actual);
            }
        });
        assertTrue(different.isEmpty(), String.join("\n", different));
    }

    /** The defaults the starter sets on the component, which it takes from the component's constants. */
    @Test
    void fieldDefaultsAreTheComponents() {
        BeanWrapper starter = new BeanWrapperImpl(new TextMeOtpComponentConfiguration());
        List<String> different = new ArrayList<>();
        componentOptions().forEach((option, componentProperty) -> {
            Object value = starter.getPropertyValue(option);
            String actual = value instanceof Duration duration ? String.valueOf(duration.toMillis()) : String.valueOf(value);
            String expected = componentProperty.has("defaultValue") ? componentProperty.get("defaultValue").asText() : "null";
            if (!expected.equals(actual)) {
                different.add(option + ": expected " + expected + " but the starter has " + actual);
            }
        });
        assertTrue(different.isEmpty(), String.join("\n", different));
    }

    @Test
    void everyPropertyIsAComponentOption() {
        Set<String> options = new TreeSet<>();
        componentOptions().keySet().forEach(option -> options.add(PREFIX + kebabCase(option)));
        options.add(PREFIX + "enabled");
        options.add(PREFIX + "customizer.enabled");

        Set<String> unknown = new TreeSet<>(documented().keySet());
        unknown.removeAll(options);
        assertTrue(unknown.isEmpty(), "properties that are not options of the component: " + unknown);
    }

    @Test
    void enumOptionsHintTheirValues() {
        Map<String, List<String>> hints = new HashMap<>();
        metadata.path("hints").forEach(hint -> {
            List<String> values = new ArrayList<>();
            hint.path("values").forEach(value -> values.add(value.get("value").asText()));
            hints.put(hint.get("name").asText(), values);
        });
        componentOptions().forEach((option, componentProperty) -> {
            if (componentProperty.has("enum")) {
                List<String> expected = new ArrayList<>();
                componentProperty.get("enum").forEach(value -> expected.add(value.asText()));
                assertEquals(expected, hints.get(PREFIX + kebabCase(option)), option);
            }
        });
        assertEquals(List.of("http", "https"), hints.get(PREFIX + "proxy-scheme"));
    }

    @Test
    void beanOptionsHaveTheirJavaType() {
        assertEquals("org.apache.camel.support.jsse.SSLContextParameters",
                documented().get(PREFIX + "ssl-context-parameters").get("type").asText());
        assertEquals("io.github.bucket4j.distributed.proxy.ProxyManager<java.lang.String>",
                documented().get(PREFIX + "limit-store").get("type").asText());
        assertEquals("java.lang.Integer", documented().get(PREFIX + "proxy-port").get("type").asText());
    }

    @Test
    void durationOptionsAreDurations() {
        componentOptions().forEach((option, componentProperty) -> {
            if ("duration".equals(componentProperty.path("type").asText())) {
                assertEquals("java.time.Duration", documented().get(PREFIX + kebabCase(option)).get("type").asText(),
                        option);
            }
        });
        assertEquals("30s", documented().get(PREFIX + "resend-interval").get("defaultValue").asText());
    }

    /** The component options, but the nested configuration object: Spring users set its options one by one. */
    private Map<String, JsonNode> componentOptions() {
        Map<String, JsonNode> options = new HashMap<>();
        component.get("componentProperties").fields().forEachRemaining(option -> {
            if (!option.getKey().equals("configuration")) {
                options.put(option.getKey(), option.getValue());
            }
        });
        return options;
    }

    private Map<String, JsonNode> documented() {
        Map<String, JsonNode> documented = new HashMap<>();
        metadata.get("properties").forEach(property -> documented.put(property.get("name").asText(), property));
        return documented;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = TextMeOtpStarterMetadataTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String kebabCase(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
