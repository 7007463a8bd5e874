package org.policyadvisor.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Fixtures;

class ScenarioRunnerTest {

    private final ScenarioReader reader = new ScenarioReader(Fixtures.mini().vocabulary(),
            Fixtures.miniDir().resolve("facts"));
    private final ScenarioRunner runner = new ScenarioRunner(Fixtures.mini());

    @Test
    void the_mini_scenarios_pass_and_cover_every_rule() {
        List<Outcome> outcomes = reader.names().stream().map(reader::byName).map(runner::run).toList();

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failures()).as(o.name()).isEmpty());
        assertThat(runner.untested(outcomes)).isEmpty();
    }

    @Test
    void each_kind_of_unmet_expectation_is_reported() {
        ScenarioFile wrong = reader.parse("""
                {"extends": "base", "facts": [],
                 "expect": {
                   "follows": [{"type": "LethalAidConsidered", "recipient": "PRK"}],
                   "absent": [{"type": "AidRestraintLifted"}],
                   "rules": ["pw-unbind", "no-such-rule"],
                   "derivedBy": [{"consequence": {"type": "AidRestraintLifted"}, "rules": ["pw-unbind"]}],
                   "added": [{"type": "AidRestraintLifted"}]
                 }}
                """, "wrong");

        Outcome outcome = runner.run(wrong);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failures()).containsExactly(
                "expected to follow, but did not: LethalAidConsidered(recipient=PRK)",
                "expected absent, but followed: AidRestraintLifted(actor=KOR, recipient=UKR) (by any-unbind)",
                "expected rule 'pw-unbind' in the explanation, but it was not used",
                "no rule with id 'no-such-rule'",
                "expected AidRestraintLifted() to be derived by 'pw-unbind', but its derivations are by any-unbind",
                "expected added in the difference, but not there: AidRestraintLifted()");
    }

    @Test
    void a_scenario_without_expectations_fails() {
        Outcome outcome = runner.run(reader.parse("{\"facts\": []}", "empty"));

        assertThat(outcome.failures()).containsExactly("states no expectations");
    }
}
