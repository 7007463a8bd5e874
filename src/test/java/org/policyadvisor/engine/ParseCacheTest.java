package org.policyadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RuleSources;
import org.policyadvisor.check.WrittenRules;

/** A rule file read once is not parsed again; the cache is safe to delete, and a damaged entry is never trusted. */
class ParseCacheTest {

    private static final RuleSources RULES = RuleSources.fromDirectory(Path.of("rules"));

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".entry")).sorted().toList();
        }
    }

    @Test
    void a_second_reading_comes_from_the_cache_and_equals_the_first(@TempDir Path dir) throws IOException {
        ParseCache cache = ParseCache.in(dir);
        WrittenRules first = RuleReader.read(RULES, cache);

        assertThat(entries(dir)).hasSize(RULES.ruleFiles().size());
        assertThat(RuleReader.read(RULES, cache)).isEqualTo(first);
        assertThat(RuleReader.read(RULES, ParseCache.in(dir.resolve("elsewhere")))).isEqualTo(first);
    }

    @Test
    void a_damaged_or_foreign_entry_is_read_again_from_the_file_and_replaced(@TempDir Path dir) throws IOException {
        ParseCache cache = ParseCache.in(dir);
        WrittenRules first = RuleReader.read(RULES, cache);
        List<Path> entries = entries(dir);
        Files.write(entries.get(0), new byte[] {1, 2, 3});
        Files.copy(entries.get(2), entries.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(RuleReader.read(RULES, cache)).isEqualTo(first);
        assertThat(Files.size(entries.get(0))).isGreaterThan(3);
        assertThat(Files.readAllBytes(entries.get(1))).isNotEqualTo(Files.readAllBytes(entries.get(2)));
    }

    @Test
    void the_cache_is_safe_to_delete(@TempDir Path dir) throws IOException {
        ParseCache cache = ParseCache.in(dir);
        WrittenRules first = RuleReader.read(RULES, cache);
        for (Path p : entries(dir)) {
            Files.delete(p);
        }

        assertThat(RuleReader.read(RULES, cache)).isEqualTo(first);
    }

    @Test
    void an_edited_file_is_read_again(@TempDir Path dir, @TempDir Path rules) throws IOException {
        ParseCache cache = ParseCache.in(dir);
        Files.writeString(rules.resolve("vocabulary.drl"), "package p;\n\ndeclare Cause\n    actor : String\nend\n");
        RuleSources before = RuleSources.fromDirectory(rules);
        assertThat(RuleReader.read(before, cache).types()).extracting(t -> t.name()).containsExactly("Cause");

        Files.writeString(rules.resolve("vocabulary.drl"), "package p;\n\ndeclare Effect\n    actor : String\nend\n");

        assertThat(RuleReader.read(RuleSources.fromDirectory(rules), cache).types()).extracting(t -> t.name())
                .containsExactly("Effect");
    }

    @Test
    void every_packaged_rule_file_has_its_entry_in_the_jar() {
        RuleSources packaged = RuleSources.packaged();
        String dsl = packaged.ruleFiles().stream().filter(f -> f.path().endsWith(".dsl"))
                .map(f -> f.path() + '\0' + f.text() + '\0').reduce("", String::concat);
        ParseCache jarOnly = ParseCache.packagedOnly();
        for (RuleSources.File file : packaged.ruleFiles()) {
            assertThat(jarOnly.get(ParseCache.key(file, dsl))).as(file.path()).isPresent();
        }
    }
}
