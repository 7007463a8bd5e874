package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules that justify one another in a loop: every consequence that holds is shown, each explanation bottoms out
 * in given facts, and which derivation a loop loses does not depend on the order the facts come in.
 */
class CyclesTest {

    private static Advisor loops;

    @BeforeAll
    static void compile() {
        loops = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of(
                "actors.csv", "code,name\nRUS,Russia\n",
                "vocabulary.drl", """
                package loops;
                declare Seed
                    @doc("Where a chain starts.")
                    id : String @key
                end
                declare Alpha
                    @doc("First link.")
                    id : String @key
                end
                declare Beta
                    @doc("Second link.")
                    id : String @key
                end
                declare Gamma
                    @doc("Third link.")
                    id : String @key
                end
                """,
                "loops.drl", """
                package loops;
                rule "Seed gives Alpha" @id("seed-alpha") @quote("q") @hedge("will")
                when Seed($i : id) then insertLogical(new Alpha($i)); end
                rule "Alpha gives Beta" @id("alpha-beta") @quote("q") @hedge("likely")
                when Alpha($i : id) then insertLogical(new Beta($i)); end
                rule "Beta gives Alpha" @id("beta-alpha") @quote("q") @hedge("may")
                when Beta($i : id) then insertLogical(new Alpha($i)); end
                rule "Beta gives Gamma" @id("beta-gamma") @quote("q") @hedge("will")
                when Beta($i : id) then insertLogical(new Gamma($i)); end
                rule "Gamma gives Gamma" @id("gamma-gamma") @quote("q") @hedge("will")
                when Gamma($i : id) then insertLogical(new Gamma($i)); end
                """))).build();
    }

    private static Assessment assess(String... seeds) {
        List<Fact> facts = java.util.Arrays.stream(seeds).map(s -> Fact.of("Seed", Map.of("id", s))).toList();
        return loops.assess(Scenario.of("loops", facts));
    }

    @Test
    void a_loop_keeps_every_consequence_and_leaves_out_the_derivation_that_rests_on_itself() {
        Assessment a = assess("x");

        assertThat(a.consequences()).extracting(c -> c.fact().type()).containsExactly("Alpha", "Beta", "Gamma");
        Consequence alpha = a.consequences().get(0);
        Consequence beta = a.consequences().get(1);
        Consequence gamma = a.consequences().get(2);
        assertThat(alpha.derivations()).extracting(d -> d.rule().id()).containsExactly("seed-alpha");
        assertThat(beta.derivations()).extracting(d -> d.rule().id()).containsExactly("alpha-beta");
        assertThat(beta.derivations().get(0).premises()).containsExactly(alpha);
        assertThat(gamma.derivations()).extracting(d -> d.rule().id()).containsExactly("beta-gamma");
        assertThat(List.of(alpha.depth(), beta.depth(), gamma.depth())).containsExactly(1, 2, 3);
        assertThat(gamma.likelihood()).isCloseTo(0.9 * 0.7 * 0.9, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void the_answer_does_not_depend_on_the_order_of_the_facts() {
        Assessment forward = assess("a", "b", "c", "d");
        Assessment backward = assess("d", "c", "b", "a");

        assertThat(forward.consequences()).hasSize(12);
        assertThat(explained(backward)).containsExactlyElementsOf(explained(forward));
    }

    /** Each consequence with its depth, likelihood and derivations (rule and premise facts), without node ids. */
    private static List<String> explained(Assessment a) {
        return a.consequences().stream().map(c -> c.fact() + " " + c.depth() + " " + c.likelihood() + " "
                + c.derivations().stream().map(d -> d.rule().id() + d.premises().stream()
                        .map(p -> p instanceof Consequence q ? q.fact() : ((Given) p).fact()).toList()).toList())
                .toList();
    }
}
