package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Fixtures;

class TestCommandTest {

    private final Path miniRules = Fixtures.miniDir().resolve("rules");
    private final Path miniFacts = Fixtures.miniDir().resolve("facts");

    private static String lastLine(String out) {
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void every_scenario_passes_and_every_rule_is_exercised() {
        CliRun run = CliRun.of("test", "--rules", miniRules.toString(), "--facts", miniFacts.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("PASS base\nPASS precision\nPASS withdrawn\n")
                .contains("Claim coverage: every rule exercised (3 rules).");
        assertThat(lastLine(run.out())).isEqualTo("3 passed, 0 failed");
    }

    @Test
    void the_scenarios_next_to_the_rules_are_the_default() {
        CliRun run = CliRun.of("test", "--rules", miniRules.toString());

        assertThat(lastLine(run.out())).isEqualTo("3 passed, 0 failed");
    }

    @Test
    void a_failing_scenario_shows_what_differed_the_untested_rules_and_fails(@TempDir Path facts) throws IOException {
        Files.writeString(facts.resolve("ammunition.json"), """
                {"description": "Ammunition only",
                 "facts": [{"type": "ArmsTransfer", "supplier": "RUS", "recipient": "PRK", "category": "ammunition"}],
                 "expect": {"follows": [{"type": "LethalAidConsidered", "supplier": "PRK"}], "rules": ["pw-unbind"]}}
                """);
        Files.writeString(facts.resolve("engaged.json"), """
                {"description": "Seoul engaged",
                 "facts": [{"type": "ArmsTransfer", "supplier": "RUS", "recipient": "PRK", "category": "ammunition"},
                           {"type": "EngagementPolicy", "actor": "KOR"}],
                 "expect": {"absent": [{"type": "LethalAidConsidered"}]}}
                """);
        Files.writeString(facts.resolve("broken.json"), "{\"facts\": [{\"type\": \"Nope\"}]}");

        CliRun run = CliRun.of("test", "--rules", miniRules.toString(), "--facts", facts.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("""
                FAIL ammunition
                    expected to follow, but did not: LethalAidConsidered(supplier=PRK)
                    expected rule 'pw-unbind' in the explanation, but it was not used
                FAIL broken
                    invalid facts: facts[0].type: unknown fact type 'Nope'; expected one of \
                AidRestraintLifted, ArmsTransfer, EngagementPolicy, LethalAidConsidered
                PASS engaged
                """);
        assertThat(run.out()).contains("""
                Claim coverage: 1 of 3 rules exercised by no scenario:
                    pw-unbind
                """);
        assertThat(lastLine(run.out())).isEqualTo("1 passed, 2 failed");
    }

    @Test
    void the_shipped_scenarios_pass_and_the_untested_rules_are_listed() {
        CliRun run = CliRun.of("test", "--rules", Fixtures.repo().resolve("rules").toString(),
                "--facts", Fixtures.repo().resolve("facts").toString());

        assertThat(run.out()).contains("PASS june-2024-summit").contains("Claim coverage: ");
        assertThat(lastLine(run.out())).matches("\\d+ passed, 0 failed");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void a_missing_scenario_folder_is_an_error(@TempDir Path dir) {
        CliRun run = CliRun.of("test", "--rules", miniRules.toString(), "--facts", dir.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no scenario folder").contains("nope");
    }
}
