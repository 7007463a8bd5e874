package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Fixtures;
import org.policyadvisor.json.Json;

class WhatIfCommandTest {

    private final String rules = Fixtures.miniDir().resolve("rules").toString();
    private final String facts = Fixtures.miniDir().resolve("facts").toString();

    @Test
    void text_output_shows_consequences_rules_and_quotes() {
        CliRun run = CliRun.of("what-if", "--rules", rules, facts + "/precision.json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("What follows from: Precision weapons as well")
                .contains("[c2] LethalAidConsidered(recipient=UKR, supplier=KOR)  likelihood 0.63")
                .contains("because rule unbound-lethal (likely = 0.7): 0.7 x min(0.9) = 0.63")
                .contains("\u201clikely to consider providing\u201d [mini]")
                .contains("absent: not EngagementPolicy(actor == \"KOR\")");
    }

    @Test
    void json_output_is_an_object_with_consequences_and_rules() throws IOException {
        CliRun run = CliRun.of("what-if", "--rules", rules, "--format", "json", facts + "/precision.json");

        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("consequences")).hasSize(2);
        assertThat(json.at("/consequences/0/derivations")).hasSize(3);
        assertThat(json.at("/consequences/0/derivations/2/rule").asText()).isEqualTo("pw-unbind");
        assertThat(json.at("/consequences/1/derivations/0/premises/0").asText()).isEqualTo("c1");
        assertThat(json.at("/rules/pw-unbind/quote").asText()).isEqualTo("the country will not be bound");
    }

    @Test
    void baseline_prints_the_difference() {
        CliRun run = CliRun.of("what-if", "--rules", rules, "--baseline", facts + "/base.json", facts + "/withdrawn.json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Removed (follow only in the baseline) (2):")
                .contains("[c1] AidRestraintLifted(actor=KOR, recipient=UKR)");
    }

    @Test
    void bad_facts_give_one_line_per_problem_with_paths_and_a_failing_exit(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"facts": [{"type": "ArmsTransfer", "supplier": "Russia", "recipient": 3, "category": "ammunition"},
                           {"type": "Nope"}]}
                """);

        CliRun run = CliRun.of("what-if", "--rules", rules, bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "error: invalid facts: " + bad + ": facts[0].recipient: expected an actor code (string), got 3 [invalid_facts]",
                "error: invalid facts: " + bad + ": facts[0].supplier: unknown actor 'Russia' (did you mean 'RUS'?); expected one of KOR, PRK, RUS, UKR [invalid_facts]",
                "error: invalid facts: " + bad + ": facts[1].type: unknown fact type 'Nope'; expected one of "
                        + "AidRestraintLifted, ArmsTransfer, EngagementPolicy, LethalAidConsidered [invalid_facts]");
    }

    @Test
    void bad_facts_of_the_baseline_name_the_baseline_file(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("old.json");
        Files.writeString(bad, "{\"facts\": [{\"type\": \"Nope\"}]}");

        CliRun run = CliRun.of("what-if", "--rules", rules, "--baseline", bad.toString(), facts + "/withdrawn.json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("error: invalid facts: " + bad + ": facts[0].type: unknown fact type 'Nope'");
    }

    @Test
    void a_missing_scenario_file_is_one_line_that_says_so(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        CliRun run = CliRun.of("what-if", "--rules", rules, missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("error: cannot read " + missing + ": no such file [not_found]");
    }

    @Test
    void malformed_json_names_file_line_and_column(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"facts\": [\n}");

        CliRun run = CliRun.of("what-if", "--rules", rules, bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("error: malformed JSON: " + bad + ":2:")
                .endsWith("[malformed_json]")
                .doesNotContain("Exception");
    }

    @Test
    void a_missing_file_is_one_line_without_stack_trace() {
        CliRun run = CliRun.of("what-if", "--rules", rules, "no-such-file.json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().contains("no-such-file.json").doesNotContain("\tat ");
    }

    @Test
    void verbose_adds_the_stack_trace() {
        CliRun run = CliRun.of("what-if", "--verbose", "--rules", rules, "no-such-file.json");

        assertThat(run.err()).contains("\tat org.policyadvisor.");
    }

    @Test
    void broken_rules_are_reported_with_file_and_line(@TempDir Path dir) throws IOException {
        for (String f : new String[] {"vocabulary.drl", "actors.csv", "claims.drl"}) {
            Files.copy(Path.of(rules, f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("x.drl"), "package p;\nrule \"r\" when\n  Foo( then end\n");

        CliRun run = CliRun.of("what-if", "--rules", dir.toString(), facts + "/base.json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("error: invalid rules: x.drl:3:");
    }

    @Test
    void unknown_options_are_usage_errors() {
        CliRun run = CliRun.of("what-if", "--colour", "x.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--colour'");
    }
}
