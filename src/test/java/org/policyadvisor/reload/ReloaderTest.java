package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Limits;
import org.policyadvisor.Problem;
import org.policyadvisor.Scenario;

class ReloaderTest {

    private static final Fact UNBOUND = Fact.of("AidRestraintLifted", Map.of("actor", "KOR", "recipient", "UKR"));
    private static final Scenario PRECISION = Scenario.of("p", List.of(Fixtures.transfer("precision-weapons")));

    @TempDir
    Path rules;
    private String claims;
    private Reloader reloader;

    @BeforeEach
    void copyMiniRules() throws IOException {
        Path mini = Fixtures.miniDir().resolve("rules");
        for (String f : List.of("vocabulary.drl", "actors.csv", "claims.drl")) {
            Files.copy(mini.resolve(f), rules.resolve(f));
        }
        claims = Files.readString(rules.resolve("claims.drl"));
        reloader = new Reloader(rules, Advisor.builder().rulesFrom(rules).build(), Limits.DEFAULT,
                sources -> List.of(), Duration.ofMillis(100), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        reloader.close();
    }

    /** The same rules with the precision-weapons claim hedged "likely" instead of "will". */
    private void writeVariant(boolean likely) throws IOException {
        Files.writeString(rules.resolve("claims.drl"),
                likely ? claims.replaceFirst("@hedge\\(\"will\"\\)", "@hedge(\"likely\")") : claims);
    }

    private static double unbound(Assessment a) {
        return a.find(UNBOUND).orElseThrow().likelihood();
    }

    @Test
    void a_broken_edit_keeps_the_last_good_revision_and_names_the_file_and_line() throws IOException {
        String before = reloader.advisor().revision();
        Files.writeString(rules.resolve("claims.drl"), claims + "\nrule \"Broken\" when Foo( then end\n");

        boolean activated = reloader.reload();

        assertThat(activated).isFalse();
        assertThat(reloader.advisor().revision()).isEqualTo(before);
        LoadStatus status = reloader.status();
        assertThat(status.activeRevision()).isEqualTo(before);
        assertThat(status.lastAttemptRevision()).isNotEqualTo(before);
        assertThat(status.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.where()).startsWith("claims.drl:"));
        assertThat(unbound(reloader.advisor().assess(PRECISION))).isEqualTo(0.9);
    }

    @Test
    void a_clean_edit_activates_a_new_revision() throws IOException {
        String before = reloader.advisor().revision();
        writeVariant(true);

        assertThat(reloader.reload()).isTrue();

        assertThat(reloader.advisor().revision()).isNotEqualTo(before);
        assertThat(reloader.status().problems()).isEmpty();
        assertThat(reloader.status().reloads()).isEqualTo(1);
        assertThat(unbound(reloader.advisor().assess(PRECISION))).isEqualTo(0.7);
    }

    @Test
    void problems_found_by_the_extra_checks_block_activation() throws IOException {
        Reloader strict = new Reloader(rules, reloader.advisor(), Limits.DEFAULT,
                sources -> List.of(new Problem("claims.drl:3:5", "quote not found in its source")),
                Duration.ofMillis(100), Clock.systemUTC());
        writeVariant(true);

        assertThat(strict.reload()).isFalse();
        assertThat(strict.status().problems()).extracting(Problem::where).containsExactly("claims.drl:3:5");
        strict.close();
    }

    @Test
    void a_folder_made_after_the_start_is_watched_too() throws Exception {
        List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        reloader.onOutcome(outcomes::add);
        reloader.watch();
        Path sub = Files.createDirectories(rules.resolve("later/deeper"));
        awaitOutcomes(outcomes, 1);
        Thread.sleep(400); // the rest of the burst of events, if the watcher saw it as more than one
        int seen = outcomes.size();

        Files.writeString(sub.resolve("notes.txt"), "a file in a folder made after the start");

        awaitOutcomes(outcomes, seen + 1);
        assertThat(outcomes).hasSizeGreaterThan(seen);
    }

    private static void awaitOutcomes(List<String> outcomes, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (outcomes.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(outcomes).as("reloads after the watcher saw a change").hasSizeGreaterThanOrEqualTo(count);
    }

    @Test
    void a_saved_file_is_picked_up_by_the_watcher_within_seconds() throws Exception {
        String before = reloader.advisor().revision();
        reloader.watch();

        writeVariant(true);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reloader.advisor().revision().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(reloader.advisor().revision()).isNotEqualTo(before);
    }
}
