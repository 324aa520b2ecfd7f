package io.github.cameltextme.otp.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No tracked file holds an absolute path of one machine: a home directory (Linux, macOS, Windows), {@code /root},
 * the build machines' {@code /work}, or a file under {@code /tmp}. Commands and links are relative to the repository's
 * root, so that they work in every clone. It lives in this module, which is never published, and reads the list of
 * tracked files from git.
 */
class NoMachinePathsTest {

    /**
     * A machine path where a path starts: not after a letter, digit, dot, slash, colon or {@code }}, so that URL paths
     * ({@code https://host/work}) and relative or built ones ({@code target/tmp}, {@code ${dir}/tmp}) pass; but right
     * after {@code file:} or {@code file://}, where it is a file URL's path. Windows' user folders with either slash.
     */
    private static final Pattern MACHINE_PATH = Pattern.compile(
            "(?:(?<![\\w.:/}~-])|(?<=\\bfile:)|(?<=\\bfile://))"
            + "/(?:home/\\w|Users/\\w|root(?![\\w.-])|work(?![\\w.-])|tmp/[\\w.-])"
            + "|\\b[A-Za-z]:[\\\\/]Users[\\\\/]");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** This file, the one allowed: it names the paths it looks for, and its own test gives examples of them. */
    private static final String THIS_FILE = "benchmarks/src/test/java/"
            + NoMachinePathsTest.class.getName().replace('.', '/') + ".java";

    @Test
    void noTrackedFileHoldsAnAbsolutePathOfAMachine() throws Exception {
        assumeTrue(Files.exists(ROOT.resolve(".git")), "not a git checkout (" + ROOT.getFileName()
                   + " has no .git): no list of tracked files to check");
        List<String> found = new ArrayList<>();
        for (String file : trackedFiles()) {
            Path path = ROOT.resolve(file);
            if (file.equals(THIS_FILE) || !Files.isRegularFile(path)) {
                continue;
            }
            String[] lines = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher machinePath = MACHINE_PATH.matcher(lines[i]);
                if (machinePath.find()) {
                    found.add(file + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertEquals(List.of(), found, "absolute paths of a machine; make them relative to the repository's root");
    }

    @Test
    void thePatternFindsEachKindOfMachinePathAndLeavesUrlsAndRelativePathsAlone() {
        for (String machinePath : List.of("cd /home/dev/camel-textme-otp", "\"/Users/dev/x\"", "HOME=/root",
                                          "ls /root/.m2", "cd /work/main", "log: /tmp/otp-1.log",
                                          "C:\\Users\\dev\\repo", "file:///home/dev/repo/pom.xml",
                                          "file:/root/.m2/settings.xml", "<file:///work/main>", "file:///C:/Users/dev",
                                          "see file:///tmp/otp.log")) {
            assertTrue(MACHINE_PATH.matcher(machinePath).find(), machinePath);
        }
        for (String fine : List.of("https://example.com/work/x", "target/tmp/x", "${project.build.directory}/tmp/x",
                                   "~/.m2/repository", "/rootless", "routes/otp.camel.yaml", "/workshop", "/tmp",
                                   "file:target/tmp/x", "profile:/home")) {
            assertFalse(MACHINE_PATH.matcher(fine).find(), fine);
        }
    }

    private static List<String> trackedFiles() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile()).start();
        byte[] names = git.getInputStream().readAllBytes();
        assertTrue(git.waitFor(60, TimeUnit.SECONDS), "git ls-files ends");
        assertEquals(0, git.exitValue(), new String(git.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        List<String> files = List.of(new String(names, StandardCharsets.UTF_8).split("\0"));
        assertTrue(files.size() > 100, "git ls-files lists the repository's files: " + files.size());
        assertTrue(files.contains(THIS_FILE), "this file is tracked as " + THIS_FILE);
        return files;
    }
}
