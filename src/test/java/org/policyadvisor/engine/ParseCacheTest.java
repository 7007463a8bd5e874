package org.policyadvisor.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RuleSources;
import org.policyadvisor.check.WrittenRules;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The parse cache")
class ParseCacheTest {

    /** The article's rules with a comment added to each rule file, so that no packaged entry applies. */
    private static RuleSources analystsCopy() {
        RuleSources rules = RuleSources.fromDirectory(Path.of("rules"));
        return new RuleSources("copy", rules.files().stream()
                .map(f -> f.path().endsWith(".drl") || f.path().endsWith(".dslr")
                        ? new RuleSources.File(f.path(), f.text() + "\n// an analyst's copy\n") : f)
                .toList());
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".entry")).toList();
        }
    }

    @Test
    @DisplayName("gives back what reading the files gave, and a truncated or foreign entry is read again, not trusted")
    void entries_round_trip_and_bad_ones_are_ignored(@TempDir Path dir) throws IOException {
        RuleSources sources = analystsCopy();
        ParseCache cache = ParseCache.in(dir);

        WrittenRules parsed = RuleReader.read(sources, cache);
        List<Path> written = entries(dir);
        // Every rule file but the DSL file, which is unchanged in the copy: its entry is the packaged one.
        assertThat(written).hasSize(sources.ruleFiles().size() - 1);
        assertThat(parsed.problems()).isEmpty();

        WrittenRules cached = RuleReader.read(sources, cache);
        assertThat(cached.claims()).isEqualTo(parsed.claims());
        assertThat(cached.types()).isEqualTo(parsed.types());

        // One entry replaced by another file's, whole; the others cut in half.
        Files.copy(written.get(1), written.get(0), StandardCopyOption.REPLACE_EXISTING);
        for (Path entry : written.subList(1, written.size())) {
            byte[] bytes = Files.readAllBytes(entry);
            Files.write(entry, Arrays.copyOf(bytes, bytes.length / 2));
        }
        WrittenRules again = RuleReader.read(sources, cache);
        assertThat(again.claims()).isEqualTo(parsed.claims());
        assertThat(again.types()).isEqualTo(parsed.types());
        assertThat(RuleReader.read(sources, cache).claims()).isEqualTo(parsed.claims());
    }

    @Test
    @DisplayName("has an entry packaged for every rule file of the packaged rules")
    void packaged_entries_are_readable() {
        RuleSources packaged = RuleSources.packaged();
        String dsl = packaged.ruleFiles().stream().filter(f -> f.path().endsWith(".dsl"))
                .map(f -> f.path() + '\0' + f.text() + '\0').reduce("", String::concat);
        ParseCache none = ParseCache.in(null);
        for (RuleSources.File file : packaged.ruleFiles()) {
            assertThat(none.get(ParseCache.key(file, dsl))).as(file.path()).isPresent();
        }
    }
}
