package org.policyadvisor.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.policyadvisor.Fixtures;

/** Every scenario of facts/ runs as a test, through the same runner as the {@code test} command. */
class ScenarioFilesTest {

    private final ScenarioReader reader = Fixtures.scenarioReader();
    private final ScenarioRunner runner = new ScenarioRunner(Fixtures.article());

    @TestFactory
    Stream<DynamicTest> every_scenario_meets_its_expectations() {
        return reader.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Outcome outcome = runner.run(reader.byName(name));
            assertThat(outcome.failures()).as("%s: %s", name, outcome.description()).isEmpty();
        }));
    }

    @Test
    void the_baseline_and_at_least_eight_what_ifs_are_shipped() {
        assertThat(reader.names()).contains("june-2024-summit").hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void a_withdrawn_premise_removes_a_consequence_in_the_difference() {
        List<ScenarioFile> withRemovals = reader.names().stream().map(reader::byName)
                .filter(f -> f.base().isPresent() && !f.expectations().removed().isEmpty()).toList();

        assertThat(withRemovals).isNotEmpty();
    }

    @Test
    void one_scenario_shows_two_rules_deriving_the_same_consequence() {
        assertThat(reader.names().stream().map(reader::byName)
                .flatMap(f -> f.expectations().derivedBy().stream()))
                .anySatisfy(d -> assertThat(d.rules()).hasSizeGreaterThanOrEqualTo(2));
    }
}
