package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Scenario;
import org.policyadvisor.analysis.Sweep;
import org.policyadvisor.analysis.SweepRules;
import org.policyadvisor.render.SweepRenderer;
import org.policyadvisor.json.Json;

class SweepCommandTest {

    @Test
    void two_uncertain_facts_over_a_scenario_make_four_combinations(@TempDir Path dir) throws IOException {
        Path vary = dir.resolve("vary.json");
        Files.writeString(vary, """
                [
                  {"type": "ArmsTransfer", "supplier": "RUS", "recipient": "PRK", "category": "precision-weapons"},
                  {"type": "EngagementPolicy", "actor": "KOR"}
                ]
                """);

        CliRun run = CliRun.of("sweep", "--rules", Fixtures.miniDir().resolve("rules").toString(), "--vary",
                vary.toString(), Fixtures.miniDir().resolve("facts/base.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 facts kept, 2 uncertain, 4 combinations, 4 evaluated.")
                .contains("  u2 EngagementPolicy(actor=KOR)")
                .contains("Robust (hold in every combination): 1\n  AidRestraintLifted(actor=KOR, recipient=UKR)")
                .contains("LethalAidConsidered(recipient=UKR, supplier=KOR)  holds in 2 of 4, likelihood ")
                .contains("blocked by: {u2}");
    }

    @Test
    void shard_outputs_merged_equal_the_unsharded_output(@TempDir Path dir) throws IOException {
        Path rules = SweepTestFiles.rules();
        Path vary = dir.resolve("vary.json");
        Files.writeString(vary, SweepTestFiles.VARY);
        Path scenario = dir.resolve("none.json");
        Files.writeString(scenario, "{\"description\": \"Nothing certain\", \"facts\": []}");

        CliRun whole = CliRun.of("sweep", "--rules", rules.toString(), "--format", "json", "--vary", vary.toString(),
                scenario.toString());
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        List<String> parts = new ArrayList<>(List.of("sweep", "--merge"));
        for (int i = 0; i < 2; i++) {
            CliRun shard = CliRun.of("sweep", "--rules", rules.toString(), "--threads", String.valueOf(1 + i),
                    "--shard", i + "/2", "--vary", vary.toString(), scenario.toString());
            assertThat(shard.exitCode()).as(shard.err()).isZero();
            JsonNode json = Json.mapper().readTree(shard.out());
            assertThat(json.get("complete").asBoolean()).isFalse();
            Path out = dir.resolve("part-" + i + ".json");
            Files.writeString(out, shard.out());
            parts.add(out.toString());
        }
        parts.addAll(List.of("--format", "json"));

        CliRun merged = CliRun.of(parts.toArray(String[]::new));

        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).isEqualTo(whole.out());
        assertThat(Json.mapper().readTree(merged.out()).get("evaluated").asInt()).isEqualTo(32);
    }

    @Test
    void a_bad_shard_and_overlapping_parts_are_refused(@TempDir Path dir) throws IOException {
        CliRun bad = CliRun.of("sweep", "--shard", "3/3", "--vary", "vary.json", "scenario.json");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--shard takes I/N with 0 <= I < N, got 3/3");

        Path out = dir.resolve("part.json");
        Files.write(out, new SweepRenderer().json(Sweep.of(SweepRules.advisor(), Scenario.of("none", List.of()),
                SweepRules.uncertain()).threads(1).shard(0, 2), true));
        CliRun twice = CliRun.of("sweep", "--merge", out.toString(), out.toString());
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).contains("the parts overlap");
    }

    /** The small rule set of the sweep tests, as files. */
    static final class SweepTestFiles {
        static final String VARY = """
                {"facts": [
                  {"type": "Supply", "supplier": "RUS", "recipient": "PRK", "kind": "arms"},
                  {"type": "Supply", "supplier": "RUS", "recipient": "PRK", "kind": "fuel"},
                  {"type": "Supply", "supplier": "RUS", "recipient": "PRK", "kind": "food"},
                  {"type": "Talks", "host": "KOR", "guest": "PRK"},
                  {"type": "Talks", "host": "KOR", "guest": "RUS"}
                ]}
                """;

        static Path rules() {
            return Fixtures.rulesDir(java.util.Map.of(
                    "vocabulary.drl", SweepRules.VOCABULARY,
                    "actors.csv", SweepRules.ACTORS,
                    "claims.drl", SweepRules.CLAIMS));
        }
    }
}
