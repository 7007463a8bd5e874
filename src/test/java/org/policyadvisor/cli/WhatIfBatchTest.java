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
import org.policyadvisor.scenario.ScenarioReader;
import org.policyadvisor.json.Json;

class WhatIfBatchTest {

    @Test
    void a_folder_gives_one_json_line_per_scenario_file_in_name_order() throws IOException {
        Path facts = Fixtures.miniDir().resolve("facts");
        CliRun run = CliRun.of("what-if", "--rules", Fixtures.miniDir().resolve("rules").toString(),
                "--batch", facts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        ScenarioReader reader = new ScenarioReader(Fixtures.mini().vocabulary(), facts);
        List<String> names = reader.names();
        List<String> lines = run.out().lines().toList();
        assertThat(names).hasSizeGreaterThan(1);
        assertThat(lines).hasSize(names.size());
        List<String> scenarios = new ArrayList<>();
        for (String line : lines) {
            JsonNode json = Json.mapper().readTree(line);
            scenarios.add(json.get("scenario").asText());
            assertThat(json.get("consequences").isArray()).isTrue();
        }
        assertThat(scenarios).isEqualTo(names);
        for (String name : names) {
            assertThat(Json.mapper().readTree(lines.get(names.indexOf(name))).get("consequences")).as(name)
                    .hasSize(Fixtures.mini().assess(reader.byName(name).scenario()).consequences().size());
        }
    }

    @Test
    void json_lines_keep_their_order_with_errors_in_place_and_exit_1(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("batch.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String category = i % 2 == 0 ? "precision-weapons" : "ammunition";
            text.append(i == 7 ? "{\"facts\": [{\"type\": \"Nope\"}]}"
                    : "{\"description\": \"n" + i + "\", \"facts\": [{\"type\": \"ArmsTransfer\", \"supplier\": \"RUS\","
                    + " \"recipient\": \"PRK\", \"category\": \"" + category + "\"}]}").append('\n');
            if (i == 3) {
                text.append('\n');
            }
        }
        Files.writeString(input, text);

        CliRun run = CliRun.of("what-if", "--rules", Fixtures.miniDir().resolve("rules").toString(),
                "--threads", "2", "--batch", input.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(40);
        for (int i = 0; i < 40; i++) {
            JsonNode json = Json.mapper().readTree(lines.get(i));
            assertThat(json.get("scenario").asText()).isEqualTo("batch.jsonl:" + (i <= 3 ? i + 1 : i + 2));
            if (i == 7) {
                assertThat(json.at("/error/code").asText()).isEqualTo("invalid_facts");
                assertThat(json.at("/error/errors/0/path").asText()).isEqualTo("facts[0].type");
            } else {
                assertThat(json.get("description").asText()).isEqualTo("n" + i);
                // Precision weapons: two claims conclude that Seoul is unbound; ammunition: one.
                assertThat(json.at("/consequences/0/derivations")).hasSize(i % 2 == 0 ? 2 : 1);
            }
        }
    }

    @Test
    void with_a_baseline_each_line_carries_the_difference() throws IOException {
        Path facts = Fixtures.miniDir().resolve("facts");

        CliRun run = CliRun.of("what-if", "--rules", Fixtures.miniDir().resolve("rules").toString(),
                "--baseline", facts.resolve("base.json").toString(), "--batch", facts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode withdrawn = Json.mapper().readTree(lines.get(2));
        assertThat(withdrawn.get("scenario").asText()).isEqualTo("withdrawn");
        assertThat(withdrawn.at("/diff/removed")).hasSize(2);
        assertThat(Json.mapper().readTree(lines.get(0)).at("/diff/changed")).isEmpty();
    }
}
