package org.policyadvisor.whynot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyadvisor.whynot.WhyNotTest.pattern;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Scenario;
import org.policyadvisor.whynot.Premise.Trace;

/** Alternatives of different sizes, a cycle and the depth bound, over a small made-up rule base. */
class ChainsTest {

    private static final String TYPES = """
            package chains;
            declare A @doc("a") name : String @key end
            declare B @doc("b") name : String @key end
            declare C @doc("c") name : String @key end
            declare D @doc("d") name : String @key end
            declare T @doc("t") name : String @key end
            """;

    private static final String RULES = """
            package chains;
            rule "T from A and B" @id("t-from-a-and-b") @source("s") @quote("q") @hedge("stated")
            when A(name == "x") B(name == "x") then insertLogical(new T("x")); end
            rule "T from C" @id("t-from-c") @source("s") @quote("q") @hedge("may")
            when C(name == "x") then insertLogical(new T("x")); end
            rule "C from D" @id("c-from-d") @source("s") @quote("q") @hedge("may")
            when D(name == "x") then insertLogical(new C("x")); end
            rule "D from C" @id("d-from-c") @source("s") @quote("q") @hedge("may")
            when C(name == "x") then insertLogical(new D("x")); end
            """;

    private static Advisor advisor;

    private static synchronized Advisor advisor() {
        if (advisor == null) {
            advisor = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of("vocabulary.drl", TYPES,
                    "actors.csv", "code,name\nRUS,Russia\n", "rules.drl", RULES)))
                    .build();
        }
        return advisor;
    }

    private static FactPattern x(String type) {
        return pattern(type, Map.of("name", "x"));
    }

    private static Answer ask(Bounds bounds) {
        return new WhyNot(advisor(), bounds).ask(new Scenario("empty", "", List.of()), pattern("T", Map.of()));
    }

    @Test
    void the_smallest_sets_come_first_whatever_the_rule_order() {
        Answer answer = ask(Bounds.DEFAULT);

        assertThat(answer.rules()).extracting(c -> c.rule().id()).containsExactly("t-from-a-and-b", "t-from-c");
        assertThat(answer.options()).extracting(Option::facts)
                .containsExactly(List.of(x("D")), List.of(x("A"), x("B")));
        assertThat(answer.options()).allSatisfy(o -> assertThat(o.check()).isEqualTo(Option.Check.FOLLOWS));
        assertThat(answer.truncated()).isFalse();
    }

    @Test
    void a_cycle_is_cut_where_it_closes_and_the_chain_ends_in_a_fact_to_assert() {
        Answer answer = ask(Bounds.DEFAULT);

        Premise c = answer.rules().get(1).premises().get(0);
        assertThat(c.trace()).isEqualTo(Trace.RULES);
        Premise d = c.rules().get(0).premises().get(0);
        assertThat(d.pattern()).isEqualTo(x("D"));
        Premise back = d.rules().get(0).premises().get(0);
        assertThat(back.pattern()).isEqualTo(x("C"));
        assertThat(back.trace()).isEqualTo(Trace.CYCLE);
    }

    @Test
    void the_depth_bound_ends_a_chain_in_its_premise_and_says_so() {
        Answer answer = ask(new Bounds(1, 10));

        Premise c = answer.rules().get(1).premises().get(0);
        assertThat(c.trace()).isEqualTo(Trace.BOUND);
        assertThat(answer.truncated()).isTrue();
        assertThat(answer.options()).extracting(Option::facts)
                .containsExactly(List.of(x("C")), List.of(x("A"), x("B")));
    }

    @Test
    void at_most_the_asked_number_of_sets_is_returned() {
        Answer answer = ask(new Bounds(8, 1));

        assertThat(answer.options()).extracting(Option::facts).containsExactly(List.of(x("D")));
        assertThat(answer.truncated()).isTrue();
    }
}
