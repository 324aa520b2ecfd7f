package io.github.cameltextme.otp;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The part of this module's test classpath that a new project gets from the dependencies the README names: those
 * artifacts and, following the poms they carry, what they bring with them (compile and runtime scope, not optional).
 * Entries are known by the artifact id of their pom: the one beside a jar in the Maven repository, or a reactor
 * module's own {@code pom.xml} for its {@code target/classes} or jar. Dependencies a parent pom declares for its
 * children are not followed.
 */
final class ReadmeClasspath {

    private final Map<String, Path> entriesByArtifact = new LinkedHashMap<>();
    private final Map<String, List<String>> dependenciesByArtifact = new LinkedHashMap<>();

    private ReadmeClasspath() {
    }

    /** The entries of {@code java.class.path} that the named artifacts bring, themselves included. */
    static List<Path> of(Set<String> artifactIds) throws Exception {
        ReadmeClasspath classpath = new ReadmeClasspath();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.index(Path.of(entry));
        }
        return classpath.closure(artifactIds);
    }

    private void index(Path entry) throws Exception {
        Path pom = pomOf(entry);
        if (pom != null && Files.isRegularFile(pom)) {
            try (InputStream in = Files.newInputStream(pom)) {
                Element project = read(in).getDocumentElement();
                String artifactId = child(project, "artifactId");
                entriesByArtifact.putIfAbsent(artifactId, entry);
                dependenciesByArtifact.putIfAbsent(artifactId, runtimeDependencies(project));
            }
        }
    }

    /**
     * The pom of a classpath entry: a reactor module's own (next to its {@code target}), or the one beside a jar in a
     * Maven repository ({@code a-1.0.jar}, {@code a-1.0.pom}); none for test classes.
     */
    private static Path pomOf(Path entry) {
        Path parent = entry.getParent();
        String name = entry.getFileName().toString();
        if (parent != null && parent.getFileName().toString().equals("target")) {
            return name.equals("test-classes") ? null : parent.resolveSibling("pom.xml");
        }
        return name.endsWith(".jar") ? entry.resolveSibling(name.substring(0, name.length() - 4) + ".pom") : null;
    }

    private List<Path> closure(Set<String> roots) {
        Set<String> seen = new HashSet<>(roots);
        Deque<String> toVisit = new ArrayDeque<>(roots);
        List<Path> entries = new ArrayList<>();
        while (!toVisit.isEmpty()) {
            String artifactId = toVisit.pop();
            Path entry = entriesByArtifact.get(artifactId);
            if (entry != null) {
                entries.add(entry);
            }
            for (String dependency : dependenciesByArtifact.getOrDefault(artifactId, List.of())) {
                if (seen.add(dependency)) {
                    toVisit.add(dependency);
                }
            }
        }
        return entries;
    }

    /** The artifact ids of the pom's own dependencies of compile or runtime scope that are not optional. */
    private static List<String> runtimeDependencies(Element project) {
        List<String> dependencies = new ArrayList<>();
        for (Node section = project.getFirstChild(); section != null; section = section.getNextSibling()) {
            if (!"dependencies".equals(section.getNodeName())) {
                continue;
            }
            NodeList all = ((Element) section).getElementsByTagName("dependency");
            for (int i = 0; i < all.getLength(); i++) {
                Element dependency = (Element) all.item(i);
                String scope = child(dependency, "scope");
                boolean runtime = scope == null || scope.equals("compile") || scope.equals("runtime");
                if (runtime && !"true".equals(child(dependency, "optional"))) {
                    dependencies.add(child(dependency, "artifactId"));
                }
            }
        }
        return dependencies;
    }

    private static Document read(InputStream pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom);
    }

    private static String child(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (name.equals(child.getNodeName())) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }
}
