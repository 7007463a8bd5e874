package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Fact;
import org.policyadvisor.Fixtures;
import org.policyadvisor.json.Json;

class SensitivityCommandTest {

    @Test
    void the_baseline_names_every_given_and_ranks_them() {
        CliRun run = CliRun.of("sensitivity", "facts/june-2024-summit.json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String givens = run.out().substring(run.out().indexOf("Givens, by how much of the answer rests on them:"),
                run.out().indexOf("Claims used"));
        List<Fact> facts = Fixtures.scenarioReader().byName("june-2024-summit").scenario().facts();
        for (int rank = 1; rank <= facts.size(); rank++) {
            assertThat(givens).contains(String.format("%2d. [g", rank));
        }
        facts.forEach(f -> assertThat(givens).contains(f.toString()));
        assertThat(givens).containsPattern(" 1\\. \\[g\\d+] \\w+\\(.*\\): removes ");
        assertThat(run.out()).contains("hangs on: withdraw g");
    }

    @Test
    void json_ranks_givens_and_lists_what_each_step_removes() throws IOException {
        CliRun run = CliRun.of("sensitivity", "--format", "json", "facts/june-2024-summit.json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.at("/ranking/givens"))
                .hasSize(Fixtures.scenarioReader().byName("june-2024-summit").scenario().facts().size());
        String top = json.at("/ranking/givens/0/id").asText();
        int removes = json.at("/ranking/givens/0/removes").asInt();
        JsonNode step = null;
        for (JsonNode s : json.get("steps")) {
            if (s.get("step").asText().equals("withdraw") && s.get("target").asText().equals(top)) {
                step = s;
            }
        }
        assertThat(step).isNotNull();
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
