package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A runaway chain must stop at the firing cap or the time limit, naming the rules that fired most. */
class LimitsTest {

    private static Advisor runaway;

    @BeforeAll
    static void compile() {
        runaway = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of("runaway.drl", """
                package runaway;
                declare Counter
                    @doc("A number that keeps growing.")
                    n : int @key
                end
                rule "Count up"
                    @id("count-up") @quote("q") @hedge("will")
                when
                    Counter($n : n)
                then
                    insertLogical(new Counter($n + 1));
                end
                declare Step
                    @doc("A number that grows to five.")
                    n : int @key
                end
                rule "Step up"
                    @id("step-up") @quote("q") @hedge("will")
                when
                    Step($n : n, n < 5)
                then
                    insertLogical(new Step($n + 1));
                end
                """))).build();
    }

    private static Scenario start() {
        return Scenario.of("start", List.of(Fact.of("Counter", Map.of("n", 0))));
    }

    @Test
    void exceeding_the_firing_cap_is_an_error_naming_the_busiest_rule() {
        Advisor capped = runaway.withLimits(new Limits(500, Duration.ofSeconds(30)));

        EvaluationLimitException e = catchThrowableOfType(EvaluationLimitException.class, () -> capped.assess(start()));

        assertThat(e.code()).isEqualTo(ErrorCode.EVALUATION_LIMIT);
        assertThat(e.getMessage()).contains("cap of 500 rule firings");
        assertThat(e.problems()).first().satisfies(p -> {
            assertThat(p.where()).isEqualTo("rule 'Count up'");
            assertThat(p.message()).isEqualTo("fired 501 times");
        });
    }

    @Test
    void exceeding_the_time_limit_is_an_error_naming_the_busiest_rule() {
        Advisor slow = runaway.withLimits(new Limits(Integer.MAX_VALUE - 1, Duration.ofMillis(50)));

        EvaluationLimitException e = catchThrowableOfType(EvaluationLimitException.class, () -> slow.assess(start()));

        assertThat(e.getMessage()).contains("time limit of 50 ms");
        assertThat(e.problems()).first().extracting(Problem::where).isEqualTo("rule 'Count up'");
    }

    @Test
    void an_evaluation_stopped_at_a_limit_leaves_nothing_for_the_next_one() {
        Scenario steps = Scenario.of("steps", List.of(Fact.of("Step", Map.of("n", 0))));
        Assessment before = runaway.assess(steps);
        Advisor capped = runaway.withLimits(new Limits(500, Duration.ofSeconds(30)));
        Advisor slow = runaway.withLimits(new Limits(Integer.MAX_VALUE - 1, Duration.ofMillis(50)));

        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(EvaluationLimitException.class, () -> capped.assess(start()));
            catchThrowableOfType(EvaluationLimitException.class, () -> slow.assess(start()));
            Assessment after = runaway.assess(steps);

            assertThat(after).isEqualTo(before);
            assertThat(after.firings()).isEqualTo(5);
            assertThat(after.consequences()).extracting(c -> c.fact().get("n")).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void an_advisor_with_other_limits_shares_the_rule_base() {
        Advisor other = runaway.withLimits(new Limits(10, Duration.ofSeconds(1)));

        assertThat(other.revision()).isEqualTo(runaway.revision());
        assertThat(other.limits().maxFirings()).isEqualTo(10);
    }
}
