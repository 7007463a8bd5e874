package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A rule whose action fails ends its evaluation with an error and leaves nothing for the evaluations after it. */
/** A rule whose action fails ends its evaluation with an error and leaves nothing for the evaluations after it. */
class FailingRuleTest {

    private static final Advisor FRAGILE = Fixtures.fragile();

    private static Assessment from(int n) {
        return FRAGILE.assess(Scenario.of("from " + n, List.of(Fact.of("Step", Map.of("n", n)))));
    }

    @Test
    void a_failing_action_is_an_error_naming_the_rule_where_it_is_written_and_the_error() {
        RuleFailedException e = catchThrowableOfType(RuleFailedException.class, () -> from(13));

        assertThat(e.code()).isEqualTo(ErrorCode.RULE_FAILED);
        assertThat(e.getMessage()).isEqualTo("rule 'Step up' failed");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("rule 'Step up' (fragile.drl:6)");
            assertThat(p.message()).isEqualTo("/ by zero");
        });
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void after_a_failing_action_the_next_evaluation_is_as_before() {
        Assessment before = from(0);

        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(RuleFailedException.class, () -> from(13));
            Assessment after = from(0);

            assertThat(after).isEqualTo(before);
        }
        assertThat(before.consequences()).extracting(c -> c.fact().get("n")).containsExactly(1, 2, 3, 4, 5);
    }
}
