package org.policyadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.policyadvisor.scenario.ScenarioReader;

/** Rule bases shared by tests: compiling is the slow step, so each is compiled once per test JVM. */
public final class Fixtures {

    private static Advisor mini;
    private static Advisor article;

    private Fixtures() {
    }

    /** A three-rule base: two rules conclude the same fact, one relies on an absence. */
    public static synchronized Advisor mini() {
        if (mini == null) {
            mini = Advisor.builder().rulesFrom(miniDir().resolve("rules")).build();
        }
        return mini;
    }

    /** The article's rules, as packaged. */
    public static synchronized Advisor article() {
        if (article == null) {
            article = Advisor.builder().packagedRules().build();
        }
        return article;
    }

    /** The shipped scenarios of facts/, read against the article's vocabulary. */
    public static ScenarioReader scenarioReader() {
        return new ScenarioReader(article().vocabulary(), repo().resolve("facts"));
    }

    public static Path miniDir() {
        try {
            return Path.of(Fixtures.class.getResource("/mini").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository root (tests run with it as working directory). */
    public static Path repo() {
        return Path.of("").toAbsolutePath();
    }

    public static Fact transfer(String category) {
        return Fact.of("ArmsTransfer", Map.of("supplier", "RUS", "recipient", "PRK", "category", category));
    }

    /** Copies a directory and everything in it to {@code to} (created if missing, else empty); returns {@code to}. */
    public static Path copyTree(Path from, Path to) {
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory and everything in it, if it exists. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Temporary directories made by {@link #tempDir}, deleted when the test JVM exits. */
    private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TEMPORARY.forEach(dir -> {
            try {
                deleteTree(dir);
            } catch (RuntimeException e) {
                // Left for the system's own cleaning of temporary files.
            }
        }), "test-temp-cleanup"));
    }

    /** A fresh temporary directory, deleted with everything in it when the test JVM exits. */
    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            TEMPORARY.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes files into a fresh temporary rules directory, deleted when the test JVM exits. */
    public static Path rulesDir(Map<String, String> files) {
        try {
            Path dir = tempDir("rules");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
