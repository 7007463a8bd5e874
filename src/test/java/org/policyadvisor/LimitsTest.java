package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An evaluation that fans out (every pair, every triple of many facts) must stop at the firing cap or the time limit,
 * naming the rules that fired most; one that stops leaves nothing behind for the next.
 */
class LimitsTest {

    private static Advisor fanOut;

    @BeforeAll
    static void compile() {
        fanOut = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of(
                "actors.csv", "code,name\nRUS,Russia\n",
                "vocabulary.drl", """
                package fanout;
                declare Node
                    @doc("A point of a network.")
                    id : String @key
                end
                declare Link
                    @doc("Two points of a network, linked.")
                    from : String @key
                    to : String @key
                end
                declare Point
                    @doc("A point of a plane.")
                    id : String @key
                end
                declare Triangle
                    @doc("Three points of a plane.")
                    a : String @key
                    b : String @key
                    c : String @key
                end
                declare Step
                    @doc("A number that grows to five.")
                    n : int @key
                end
                """,
                "fanout.drl", """
                package fanout;
                rule "Any two nodes are linked"
                    @id("link") @quote("q") @hedge("will")
                when
                    Node($a : id)
                    Node($b : id)
                then
                    insertLogical(new Link($a, $b));
                end
                rule "Any three points make a triangle"
                    @id("triangle") @quote("q") @hedge("will")
                when
                    Point($a : id)
                    Point($b : id)
                    Point($c : id)
                then
                    insertLogical(new Triangle($a, $b, $c));
                end
                rule "Step 0 to 1"
                    @id("step-0") @quote("q") @hedge("will")
                when
                    Step(n == 0)
                then
                    insertLogical(new Step(1));
                end
                rule "Step 1 to 2"
                    @id("step-1") @quote("q") @hedge("will")
                when
                    Step(n == 1)
                then
                    insertLogical(new Step(2));
                end
                rule "Step 2 to 3"
                    @id("step-2") @quote("q") @hedge("will")
                when
                    Step(n == 2)
                then
                    insertLogical(new Step(3));
                end
                rule "Step 3 to 4"
                    @id("step-3") @quote("q") @hedge("will")
                when
                    Step(n == 3)
                then
                    insertLogical(new Step(4));
                end
                rule "Step 4 to 5"
                    @id("step-4") @quote("q") @hedge("will")
                when
                    Step(n == 4)
                then
                    insertLogical(new Step(5));
                end
                """))).build();
    }

    /** Thirty nodes: 900 links, one firing each. */
    private static Scenario nodes() {
        return Scenario.of("nodes", IntStream.range(0, 30).mapToObj(i -> Fact.of("Node", Map.of("id", "n" + i)))
                .toList());
    }

    /** Forty points: 64,000 triangles, one firing each, which take far longer than 50 ms. */
    private static Scenario points() {
        return Scenario.of("points", IntStream.range(0, 40).mapToObj(i -> Fact.of("Point", Map.of("id", "p" + i)))
                .toList());
    }

    @Test
    void exceeding_the_firing_cap_is_an_error_naming_the_busiest_rule() {
        Advisor capped = fanOut.withLimits(new Limits(500, Duration.ofSeconds(30)));

        EvaluationLimitException e = catchThrowableOfType(EvaluationLimitException.class, () -> capped.assess(nodes()));

        assertThat(e.code()).isEqualTo(ErrorCode.EVALUATION_LIMIT);
        assertThat(e.getMessage()).contains("cap of 500 rule firings");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("rule 'link'");
            assertThat(p.message()).isEqualTo("fired 501 times");
        });
    }

    @Test
    void exceeding_the_time_limit_is_an_error_naming_the_busiest_rule() {
        Advisor slow = fanOut.withLimits(new Limits(Integer.MAX_VALUE - 1, Duration.ofMillis(50)));

        EvaluationLimitException e = catchThrowableOfType(EvaluationLimitException.class, () -> slow.assess(points()));

        assertThat(e.getMessage()).contains("time limit of 50 ms");
        assertThat(e.problems()).singleElement().extracting(Problem::where).isEqualTo("rule 'triangle'");
    }

    @Test
    void an_evaluation_stopped_at_a_limit_leaves_nothing_for_the_next_one() {
        Scenario steps = Scenario.of("steps", List.of(Fact.of("Step", Map.of("n", 0))));
        Assessment before = fanOut.assess(steps);
        Advisor capped = fanOut.withLimits(new Limits(500, Duration.ofSeconds(30)));
        Advisor slow = fanOut.withLimits(new Limits(Integer.MAX_VALUE - 1, Duration.ofMillis(50)));

        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(EvaluationLimitException.class, () -> capped.assess(nodes()))).isNotNull();
            assertThat(catchThrowableOfType(EvaluationLimitException.class, () -> slow.assess(points()))).isNotNull();
            Assessment after = fanOut.assess(steps);

            assertThat(after).isEqualTo(before);
            assertThat(after.firings()).isEqualTo(5);
            assertThat(after.consequences()).extracting(c -> c.fact().get("n")).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void an_advisor_with_other_limits_shares_the_rule_base() {
        Advisor other = fanOut.withLimits(new Limits(10, Duration.ofSeconds(1)));

        assertThat(other.revision()).isEqualTo(fanOut.revision());
        assertThat(other.limits().maxFirings()).isEqualTo(10);
    }
}
