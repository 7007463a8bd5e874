package org.policyadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fixtures;
import org.policyadvisor.InvalidRulesException;
import org.policyadvisor.Limits;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;
import org.policyadvisor.check.Diagnostic;
import org.policyadvisor.reload.Reloader;

/**
 * Rule files that try to run code (src/test/resources/hostile, one file or folder each, its first line naming where
 * it must be refused and what) are refused before anything is built, with file:line:col and the construct named:
 * by {@code check}, by {@code Advisor.builder().rulesFrom(dir)} and by hot reload, which keeps the last good
 * revision. None of them writes a file, sets a property or loads a class.
 */
class HostileRulesTest {

    private static final String VOCABULARY = """
            package policy;

            declare Cause
                @doc("A cause.")
                actor : String @actor
            end

            declare Effect
                @doc("An effect.")
                actor : String @actor
            end
            """;
    private static final String GOOD_RULE = """
            package policy;

            rule "Cause has an effect"
                @id("cause-effect") @source("src") @quote("q") @hedge("may")
            when
                Cause($a : actor)
            then
                insertLogical(new Effect($a));
            end
            """;
    private static final Map<String, String> BASE = Map.of(
            "vocabulary.drl", VOCABULARY,
            "actors.csv", "code,name\nRUS,Russia\nPRK,North Korea\n",
            "sources/src.txt", "id: src\ntitle: t\npublisher: p\nauthor: a\ndate: d\nurl: u\nretrieved: r\ntext: whole"
                    + "\ngrade: B2\n---\nq\n");

    private static Path reloading;
    private static Reloader reloader;
    private static String goodRevision;

    /** One entry of the corpus: its files, and where and how it must be refused. */
    private record Entry(String name, Map<String, String> files, String where, String construct) {
    }

    @BeforeAll
    static void serve() throws IOException {
        Fixtures.deleteTree(Path.of("target", "canary")); // whatever an earlier run left

        reloading = Fixtures.rulesDir(with(Map.of("claims.drl", GOOD_RULE)));
        Advisor good = Advisor.builder().rulesFrom(reloading).build();
        goodRevision = good.revision();
        reloader = new Reloader(reloading, good, Limits.DEFAULT, RuleCheck::lintErrors, Duration.ofMillis(10),
                Clock.systemUTC());
    }

    @AfterAll
    static void nothingRan() {
        reloader.close();
        // Named here as text: touching the class itself would load it.
        assertThat(System.getProperty("policyadvisor.canary.loaded")).as("the canary class was loaded").isNull();
        assertThat(System.getProperties().stringPropertyNames()).noneMatch(n -> n.startsWith("policyadvisor.canary."));
        assertThat(Path.of("target", "canary")).as("a hostile rule wrote a file").doesNotExist();
        assertThat(Path.of("target", "hostile-01.log")).doesNotExist();
        assertThat(Path.of("target", "hostile-29")).doesNotExist();
    }

    @TestFactory
    Stream<DynamicTest> every_hostile_rule_file_is_refused_before_anything_is_built() {
        List<Entry> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(25);
        return corpus.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            Path dir = Fixtures.rulesDir(with(e.files()));

            List<Diagnostic> errors = RuleCheck.report(RuleSources.fromDirectory(dir), Optional.empty(), Set.of())
                    .diagnostics().stream().filter(Diagnostic::isError).toList();
            assertThat(errors).as("check").anySatisfy(d -> {
                assertThat(d.file() + ":" + d.line() + ":" + d.col()).isEqualTo(e.where());
                assertThat(d.message()).contains(e.construct());
            });

            assertThatThrownBy(() -> Advisor.builder().rulesFrom(dir).build()).as("rulesFrom")
                    .isInstanceOf(InvalidRulesException.class)
                    .satisfies(t -> assertThat(((InvalidRulesException) t).problems()).anySatisfy(p -> {
                        assertThat(p.where()).isEqualTo(e.where());
                        assertThat(p.message()).contains(e.construct());
                    }));

            replace(reloading, e.files());
            assertThat(reloader.reload()).as("reload activates nothing").isFalse();
            assertThat(reloader.advisor().revision()).isEqualTo(goodRevision);
            assertThat(reloader.status().problems()).extracting(Problem::where).contains(e.where());
            restore(reloading, e.files());
        }));
    }

    private static Map<String, String> with(Map<String, String> files) {
        Map<String, String> all = new java.util.HashMap<>(BASE);
        all.putAll(files);
        return all;
    }

    private static void replace(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
    }

    private static void restore(Path dir, Map<String, String> files) throws IOException {
        for (String name : files.keySet()) {
            if (BASE.containsKey(name)) {
                Files.writeString(dir.resolve(name), BASE.get(name));
            } else {
                Files.delete(dir.resolve(name));
            }
        }
    }

    private static List<Entry> corpus() {
        try (Stream<Path> list = Files.list(Path.of(HostileRulesTest.class.getResource("/hostile").toURI()))) {
            List<Entry> entries = new ArrayList<>();
            for (Path p : list.sorted().toList()) {
                Map<String, String> files = new java.util.TreeMap<>();
                if (Files.isDirectory(p)) {
                    try (Stream<Path> inner = Files.list(p)) {
                        for (Path f : inner.toList()) {
                            files.put(f.getFileName().toString(), Files.readString(f));
                        }
                    }
                } else {
                    files.put(p.getFileName().toString(), Files.readString(p));
                }
                String marker = files.values().stream().map(t -> t.lines().findFirst().orElse(""))
                        .filter(l -> l.startsWith("// refused at ")).findFirst().orElseThrow(
                                () -> new IllegalStateException(p + " has no '// refused at' line"));
                String rest = marker.substring("// refused at ".length());
                int colon = rest.indexOf(": ");
                entries.add(new Entry(p.getFileName().toString(), files, rest.substring(0, colon),
                        rest.substring(colon + 2)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
