package io.github.cameltextme.otp;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The README's Java quick start and its test on the simulator, as a user pastes them into a project: the snippets
 * marked {@code <!-- readme-snippet: Name.java -->} are compiled together, as they are written, against what the
 * dependencies the README names bring (its {@code xml} blocks' artifact ids, and what their poms bring with them; not
 * the rest of this module's test classpath), and the test snippet is run, on this module's test classpath. A snippet
 * that no longer compiles, an import that a dependency the README names does not bring, or a test that no longer
 * passes with the quick start's routes, fails the build.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- readme-snippet: (\\w+)\\.java -->\\R```java\\R(.*?)\\R```", Pattern.DOTALL);
    /** A dependency of the README's install and test sections: the artifact ids a user pastes into the pom. */
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>");
    /** The sections whose dependencies the snippets need: the quick start's component and the tests' own. */
    private static final List<String> SECTIONS = List.of("## Install", "## Testing your own routes with the simulator");

    @TempDir
    Path project;

    @Test
    void theQuickStartRoutesPassTheSimulatorTestAsWritten() throws Exception {
        Map<String, String> snippets = snippets();
        assertEquals(List.of("MyOtpRoutes", "PhoneVerificationTest"), List.copyOf(snippets.keySet()));

        Path classes = compile(snippets);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            TestExecutionSummary summary = run(loader.loadClass("PhoneVerificationTest"));

            StringWriter failures = new StringWriter();
            summary.printFailuresTo(new PrintWriter(failures), 20);
            assertEquals(0, summary.getTotalFailureCount(), failures.toString());
            assertEquals(1, summary.getTestsSucceededCount(), "the README's test ran and passed");
        }
    }

    private static Map<String, String> snippets() throws IOException {
        Map<String, String> snippets = new LinkedHashMap<>();
        Matcher snippet = SNIPPET.matcher(Files.readString(README, StandardCharsets.UTF_8));
        while (snippet.find()) {
            snippets.put(snippet.group(1), snippet.group(2));
        }
        return snippets;
    }

    /** The artifact ids of the dependencies in the README's install and test sections. */
    private static Set<String> readmeDependencies() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Set<String> artifactIds = new LinkedHashSet<>();
        for (String heading : SECTIONS) {
            int start = readme.indexOf("\n" + heading + "\n");
            assertTrue(start >= 0, "the README has the section " + heading);
            int end = readme.indexOf("\n## ", start + heading.length());
            Matcher dependency = DEPENDENCY.matcher(readme.substring(start, end < 0 ? readme.length() : end));
            while (dependency.find()) {
                artifactIds.add(dependency.group(1));
            }
        }
        assertEquals(Set.of("camel-textme-otp", "camel-textme-otp-simulator", "camel-test-junit5"), artifactIds);
        return artifactIds;
    }

    private Path compile(Map<String, String> snippets) throws Exception {
        Path sources = Files.createDirectories(project.resolve("src"));
        Path classes = Files.createDirectories(project.resolve("classes"));
        String classpath = ReadmeClasspath.of(readmeDependencies()).stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        List<String> arguments = new ArrayList<>(List.of(
                "-classpath", classpath, "-d", classes.toString(), "-proc:none"));
        for (Map.Entry<String, String> snippet : snippets.entrySet()) {
            Path source = sources.resolve(snippet.getKey() + ".java");
            Files.writeString(source, snippet.getValue(), StandardCharsets.UTF_8);
            arguments.add(source.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, arguments.toArray(String[]::new));
        assertEquals(0, status, "the README's snippets do not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        return classes;
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(testClass)).build(), summary);
        return summary.getSummary();
    }
}
