package org.policyadvisor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Comparison;
import org.policyadvisor.Consequence;
import org.policyadvisor.Fact;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Given;
import org.policyadvisor.Scenario;

class SensitivityTest {

    private static Advisor advisor;
    private static Scenario baseline;
    private static SensitivityReport report;

    @BeforeAll
    static void sensitivity_of_the_baseline() {
        advisor = Fixtures.article();
        baseline = Fixtures.scenarioReader().byName("june-2024-summit").scenario();
        report = new Sensitivity(advisor).of(baseline);
    }

    @Test
    void every_given_of_the_baseline_is_ranked_once_most_removing_first() {
        assertThat(report.givens()).extracting(r -> r.step().target())
                .containsExactlyInAnyOrderElementsOf(report.assessment().given().stream().map(Given::id).toList());
        assertThat(report.givens()).hasSize(baseline.facts().size());
        assertThat(report.givens()).isSortedAccordingTo(Rank.MOST_FIRST);
        assertThat(report.givens().get(0).removes()).isGreaterThan(report.givens().get(8).removes());
    }

    @Test
    void withdrawing_the_top_ranked_given_removes_exactly_what_the_report_says() {
        Rank top = report.givens().get(0);
        Fact withdrawn = report.assessment().given().stream().filter(g -> g.id().equals(top.step().target()))
                .findFirst().orElseThrow().fact();
        List<Fact> rest = baseline.facts().stream().filter(f -> !f.equals(withdrawn)).toList();

        Comparison actual = Comparison.of(advisor.assess(baseline), advisor.assess(Scenario.of("without", rest)));

        Set<Fact> reported = report.trial(top.step()).removed().stream().map(Consequence::fact)
                .collect(Collectors.toSet());
        assertThat(actual.removed()).extracting(Consequence::fact).containsExactlyInAnyOrderElementsOf(reported);
        assertThat(reported).hasSize(top.removes()).isNotEmpty();
        // The consequences said to hang on that given are the same ones.
        assertThat(report.consequences().stream().filter(d -> d.hangsOn().contains(top.step()))
                .map(d -> d.consequence().fact()).collect(Collectors.toSet())).isEqualTo(reported);
    }

    @Test
    void every_claim_used_is_ranked_and_each_step_moves_what_it_reports() {
        Assessment answer = report.assessment();
        assertThat(report.claims()).extracting(r -> r.step().target())
                .containsExactlyInAnyOrderElementsOf(answer.rulesUsed());
        Set<String> cited = answer.consequences().stream().flatMap(c -> c.sources().stream())
                .collect(Collectors.toSet());
        assertThat(report.sources()).extracting(r -> r.step().target()).containsExactlyInAnyOrderElementsOf(cited);
        assertThat(report.trials().size()).isEqualTo(new Sensitivity(advisor).evaluations(answer) - 1);
    }

    @Test
    void flags_name_single_points_of_failure_and_corroborated_consequences_are_not_single_claim() {
        Dependence tensions = dependence("TensionsEscalated", "source", "PRK");
        // Two claims derive it: disabling either leaves it.
        assertThat(tensions.flags()).doesNotContain(Dependence.Flag.SINGLE_CLAIM);
        assertThat(tensions.hangsOn(org.policyadvisor.analysis.Step.Kind.DISABLE)).isEmpty();

        Dependence axis = dependence("StrategicAxis", "patron", "RUS");
        assertThat(axis.flags()).containsExactlyInAnyOrder(Dependence.Flag.SINGLE_GIVEN, Dependence.Flag.SINGLE_CLAIM,
                Dependence.Flag.SINGLE_SOURCE);
        assertThat(axis.hangsOn(Step.Kind.DISABLE)).extracting(Step::target)
                .containsExactly("partnership-extends-russian-security-umbrella");
        // Stated: only weaker is possible, and it lowers the likelihood by one step.
        assertThat(axis.effects()).anySatisfy(e -> {
            assertThat(e.step().kind()).isEqualTo(Step.Kind.WEAKER);
            assertThat(e.after()).isEqualTo(0.9);
        });
    }

    private static Dependence dependence(String type, String field, String value) {
        return report.consequences().stream()
                .filter(d -> d.consequence().fact().type().equals(type)
                        && value.equals(d.consequence().fact().get(field)))
                .findFirst().orElseThrow();
    }
}
