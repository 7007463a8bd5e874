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
import org.policyadvisor.Fact;
import org.policyadvisor.Fixtures;
import org.policyadvisor.json.Json;

class SensitivityCommandTest {

    private static final String RULES = Fixtures.miniDir().resolve("rules").toString();
    private static final List<Fact> GIVEN = List.of(Fixtures.transfer("precision-weapons"),
            Fact.of("EngagementPolicy", java.util.Map.of("actor", "KOR")));

    /** Precision weapons, and Seoul keeps engaging: the restraint lifted hangs on the transfer alone. */
    private static String scenario(Path dir) throws IOException {
        Path file = dir.resolve("engaged.json");
        Files.writeString(file, """
                {"description": "Precision weapons, and Seoul keeps engaging",
                 "facts": [{"type": "ArmsTransfer", "supplier": "RUS", "recipient": "PRK", "category": "precision-weapons"},
                           {"type": "EngagementPolicy", "actor": "KOR"}]}
                """);
        return file.toString();
    }

    @Test
    void every_given_is_named_and_ranked(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("sensitivity", "--rules", RULES, scenario(dir));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String givens = run.out().substring(run.out().indexOf("Givens, by how much of the answer rests on them:"),
                run.out().indexOf("Claims used"));
        List<Fact> facts = GIVEN;
        for (int rank = 1; rank <= facts.size(); rank++) {
            assertThat(givens).contains(String.format("%2d. [g", rank));
        }
        facts.forEach(f -> assertThat(givens).contains(f.toString()));
        assertThat(givens).containsPattern(" 1\\. \\[g\\d+] \\w+\\(.*\\): removes ");
        assertThat(run.out()).contains("hangs on: withdraw g");
    }

    @Test
    void json_ranks_givens_and_lists_what_each_step_removes(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("sensitivity", "--rules", RULES, "--format", "json", scenario(dir));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.at("/ranking/givens")).hasSize(GIVEN.size());
        String top = json.at("/ranking/givens/0/id").asText();
        int removes = json.at("/ranking/givens/0/removes").asInt();
        JsonNode step = null;
        for (JsonNode s : json.get("steps")) {
            if (s.get("step").asText().equals("withdraw") && s.get("target").asText().equals(top)) {
                step = s;
            }
        }
        assertThat(step).isNotNull();
        assertThat(removes).as("the top given removes a consequence").isPositive();
        assertThat(step.get("removed")).hasSize(removes);
        List<String> hanging = new ArrayList<>();
        for (JsonNode c : json.get("consequences")) {
            for (JsonNode g : c.at("/hangsOn/givens")) {
                if (g.asText().equals(top)) {
                    hanging.add(c.get("id").asText());
                }
            }
        }
        List<String> removed = new ArrayList<>();
        step.get("removed").forEach(id -> removed.add(id.asText()));
        assertThat(hanging).containsExactlyInAnyOrderElementsOf(removed);
    }
}
