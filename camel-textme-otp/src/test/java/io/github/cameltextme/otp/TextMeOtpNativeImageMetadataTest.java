package io.github.cameltextme.otp;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.cameltextme.otp.model.ApiRequest;
import io.github.cameltextme.otp.model.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GraalVM reachability metadata the jar ships lists exactly the classes Jackson reads or writes: every class of
 * the model package, and what the client and the result reach from their roots (the requests it writes, the answer it
 * reads, the result users marshal), so that a new model class or a new property type cannot be forgotten.
 */
class TextMeOtpNativeImageMetadataTest {

    private static final String METADATA =
            "META-INF/native-image/io.github.cameltextme/camel-textme-otp/reflect-config.json";
    private static final String MODEL_PACKAGE = ApiResponse.class.getPackageName();

    private static Map<String, JsonNode> listed;

    @BeforeAll
    static void readMetadata() throws IOException {
        listed = new HashMap<>();
        try (InputStream in = TextMeOtpNativeImageMetadataTest.class.getClassLoader().getResourceAsStream(METADATA)) {
            assertNotNull(in, METADATA + " is in the jar");
            JsonMapper.builder().build().readTree(in).forEach(entry -> listed.put(entry.get("name").asText(), entry));
        }
    }

    @Test
    void listsExactlyTheClassesJacksonReadsOrWrites() throws Exception {
        Set<String> expected = new TreeSet<>(modelPackageClasses());
        expected.addAll(reachedFrom(Stream.concat(Stream.of(ApiRequest.class.getPermittedSubclasses()),
                                                  Stream.of(ApiResponse.class, TextMeOtpResult.class))
                                            .toArray(Class<?>[]::new)));

        assertEquals(expected, new TreeSet<>(listed.keySet()));
    }

    @Test
    void recordsAreListedWithWhatJacksonNeedsToReadAndWriteThem() {
        listed.forEach((name, entry) -> {
            if (load(name).isRecord()) {
                for (String access : new String[] { "allDeclaredFields", "allDeclaredMethods", "allDeclaredConstructors" }) {
                    assertTrue(entry.path(access).asBoolean(), name + " needs " + access);
                }
            }
        });
    }

    private static Set<String> modelPackageClasses() throws IOException, URISyntaxException {
        URL directory = ApiResponse.class.getResource(ApiResponse.class.getSimpleName() + ".class");
        Path folder = Path.of(directory.toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".class"))
                    .map(file -> MODEL_PACKAGE + "." + file.substring(0, file.length() - ".class".length()))
                    .filter(name -> !name.matches(".*\\$\\d+.*"))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** The roots and every project class their JSON properties (record components, getters) hold, transitively. */
    private static Set<String> reachedFrom(Class<?>... roots) {
        Set<String> reached = new TreeSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(Set.of(roots));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (!type.getName().startsWith("io.github.cameltextme.") || !reached.add(type.getName())) {
                continue;
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    pending.push(component.getType());
                }
            } else if (!type.isEnum()) {
                for (Method method : type.getMethods()) {
                    if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                        && method.getName().matches("(get|is)[A-Z].*")) {
                        pending.push(method.getReturnType());
                    }
                }
            }
        }
        return reached;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is listed but does not exist", e);
        }
    }
}
