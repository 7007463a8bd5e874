package org.policyadvisor.render;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Comparison;
import org.policyadvisor.Fact;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Scenario;
import org.policyadvisor.scenario.ScenarioReader;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("AssessmentJson: one writer, compact or pretty")
class AssessmentJsonTest {

    private static final Scenario PRECISION = Scenario.of("precision", List.of(Fact.of("ArmsTransfer",
            Map.of("supplier", "RUS", "recipient", "PRK", "category", "precision-weapons"))));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("writing to a stream gives the same bytes as the byte array")
    void stream_equals_bytes() {
        Assessment a = Advisor.builder().rulesFrom(Path.of("src/test/resources/http/rules")).build().assess(PRECISION);
        AssessmentJson renderer = new AssessmentJson(false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        renderer.assessment(out, Map.of("decisionId", "d"), a, true);

        assertThat(out.toByteArray()).isEqualTo(renderer.assessment(Map.of("decisionId", "d"), a, true));
    }

    @Test
    @DisplayName("compact output is the same document as the pretty one, each rule used cited once")
    void compact_equals_pretty() throws Exception {
        Assessment a = Advisor.builder().rulesFrom(Path.of("src/test/resources/http/rules")).build().assess(PRECISION);

        byte[] compact = new AssessmentJson(false).assessment(Map.of(), a, true);

        assertThat(JSON.readTree(compact)).isEqualTo(JSON.readTree(new AssessmentJson(true).assessment(Map.of(), a, true)));
        assertThat(JSON.readTree(compact).get("rules").size()).isEqualTo(3);
    }

    @Test
    @DisplayName("compact output is the pretty document, field for field in the same order, on every shipped scenario")
    void compact_equals_pretty_in_order_on_shipped_scenarios() throws Exception {
        ScenarioReader reader = Fixtures.scenarioReader();
        AssessmentJson compact = new AssessmentJson(false);
        AssessmentJson pretty = new AssessmentJson(true);
        List<Path> files;
        try (Stream<Path> listed = Files.list(Fixtures.repo().resolve("facts"))) {
            files = listed.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        for (Path file : files) {
            Assessment a = Fixtures.article().assess(reader.read(file).scenario());
            for (boolean explain : new boolean[] {true, false}) {
                String written = JSON.writeValueAsString(JSON.readTree(
                        compact.assessment(Map.of("decisionId", "d"), a, explain)));
                String expected = JSON.writeValueAsString(JSON.readTree(
                        pretty.assessment(Map.of("decisionId", "d"), a, explain)));
                assertThat(written).as(file + " explain=" + explain).isEqualTo(expected);
            }
            List<String> ruleIds = new ArrayList<>();
            JSON.readTree(compact.assessment(Map.of(), a, true)).get("rules").fieldNames().forEachRemaining(ruleIds::add);
            assertThat(ruleIds).as(file.toString()).isSorted().doesNotHaveDuplicates()
                    .containsExactlyElementsOf(a.rulesUsed());
        }
    }

    @Test
    @DisplayName("a compact difference is the same document as the pretty one")
    void compact_comparison_equals_pretty() throws Exception {
        Advisor advisor = Advisor.builder().rulesFrom(Path.of("src/test/resources/http/rules")).build();
        Scenario ammunition = Scenario.of("ammunition", List.of(Fact.of("ArmsTransfer",
                Map.of("supplier", "RUS", "recipient", "PRK", "category", "ammunition"))));
        Comparison comparison = advisor.compare(ammunition, PRECISION);
        byte[] written = new AssessmentJson(false).comparison(Map.of("decisionId", "d"), comparison, true);

        JsonNode document = JSON.readTree(written);
        assertThat(document).isEqualTo(JSON.readTree(new AssessmentJson(true).comparison(Map.of("decisionId", "d"),
                comparison, true)));
        assertThat(document.get("consequences").get(0).get("type").asText()).isNotEmpty();
        assertThat(document.get("diff").get("added").size() + document.get("diff").get("changed").size())
                .isPositive();
    }

    @Test
    @DisplayName("a rule of the same id from another rule base is cited as that rule base has it")
    void each_rule_base_cites_its_own_rules() throws Exception {
        Assessment http = Advisor.builder().rulesFrom(Path.of("src/test/resources/http/rules")).build().assess(PRECISION);
        Assessment mini = Advisor.builder().rulesFrom(Path.of("src/test/resources/mini/rules")).build().assess(PRECISION);
        AssessmentJson compact = new AssessmentJson(false);

        JsonNode fromHttp = JSON.readTree(compact.assessment(Map.of(), http, true)).get("rules").get("pw-unbind");
        JsonNode fromMini = JSON.readTree(compact.assessment(Map.of(), mini, true)).get("rules").get("pw-unbind");

        assertThat(fromHttp.get("source").asText()).isEqualTo("test");
        assertThat(fromMini.get("source").asText()).isEqualTo("mini");
    }
}
