package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A relation declared symmetric is one fact whichever way it is written, and matches the same claims; two sources
 * that conclude opposite facts both stand, and the answer names the pair as contested.
 */
class SymmetryAndContestTest {

    private static final String HEADER = "title: t\npublisher: p\nauthor: a\ndate: d\nurl: u\nretrieved: r\n"
            + "text: whole\n";

    private static final Advisor ADVISOR = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of(
            "vocabulary.drl", """
                    package policy;

                    declare Pact
                        @doc("Two states sign a pact.")
                        @symmetric("partyA|partyB")
                        partyA : String @actor
                        partyB : String @actor
                    end

                    declare Alliance
                        @doc("Two states are allied.")
                        @symmetric("sideA|sideB")
                        @opposite("NoAlliance")
                        sideA : String @actor
                        sideB : String @actor
                    end

                    declare NoAlliance
                        @doc("Two states are not allied.")
                        @symmetric("sideA|sideB")
                        @opposite("Alliance")
                        sideA : String @actor
                        sideB : String @actor
                    end

                    declare Worry
                        @doc("A state worries.")
                        actor : String @actor
                    end
                    """,
            "actors.csv", "code,name\nRUS,Russia\nPRK,North Korea\nKOR,South Korea\n",
            "sources/one.txt", "id: one\n" + HEADER + "grade: B2\n---\nA pact makes an alliance.\n",
            "sources/two.txt", "id: two\n" + HEADER + "grade: C3\n---\nA pact is no alliance.\n",
            "claims.drl", """
                    package policy;

                    rule "Pact makes an alliance"
                        @id("pact-alliance") @source("one") @quote("A pact makes an alliance") @hedge("likely")
                    when
                        Pact(partyA == "RUS", $b : partyB)
                    then
                        insertLogical(new Alliance("RUS", $b));
                    end

                    rule "Pact is no alliance"
                        @id("pact-no-alliance") @source("two") @quote("A pact is no alliance") @hedge("will")
                    when
                        Pact(partyA == "RUS", $b : partyB)
                    then
                        insertLogical(new NoAlliance($b, "RUS"));
                    end

                    rule "Seoul worries unless allied"
                        @id("seoul-worries") @source("one") @quote("A pact makes") @hedge("may")
                    when
                        Alliance($a : sideA)
                        not Pact(partyA == "KOR", partyB == "RUS")
                    then
                        insertLogical(new Worry("KOR"));
                    end
                    """))).build();

    private static Fact pact(String a, String b) {
        return Fact.of("Pact", Map.of("partyA", a, "partyB", b));
    }

    private static Assessment assess(Fact... facts) {
        return ADVISOR.assess(Scenario.of("t", List.of(facts)));
    }

    private static List<String> consequences(Assessment a) {
        return a.consequences().stream().map(c -> c.fact() + " " + c.likelihood()).toList();
    }

    @Test
    void a_symmetric_fact_written_either_way_gives_the_same_consequences() {
        Assessment written = assess(pact("RUS", "PRK"));
        Assessment reversed = assess(pact("PRK", "RUS"));

        assertThat(consequences(reversed)).isEqualTo(consequences(written)).isNotEmpty();
        assertThat(reversed.given()).extracting(g -> g.fact().toString()).containsExactly("Pact(partyA=RUS, partyB=PRK)");
    }

    @Test
    void a_symmetric_fact_given_both_ways_is_one_fact() {
        assertThat(assess(pact("RUS", "PRK"), pact("PRK", "RUS")).given()).hasSize(1);
    }

    @Test
    void an_absence_on_a_symmetric_type_holds_only_when_neither_way_is_there() {
        assertThat(assess(pact("RUS", "PRK")).matching("Worry", Map.of())).hasSize(1);
        assertThat(assess(pact("RUS", "PRK"), pact("RUS", "KOR")).matching("Worry", Map.of())).isEmpty();
        assertThat(assess(pact("RUS", "PRK"), pact("KOR", "RUS")).matching("Worry", Map.of())).isEmpty();
    }

    @Test
    void opposite_conclusions_of_two_sources_both_stand_and_are_marked_contested() {
        Assessment a = assess(pact("RUS", "PRK"));

        assertThat(a.contested()).singleElement().satisfies(c -> {
            assertThat(c.one().fact().toString()).isEqualTo("Alliance(sideA=RUS, sideB=PRK)");
            assertThat(c.other().fact().toString()).isEqualTo("NoAlliance(sideA=RUS, sideB=PRK)");
        });
        Consequence no = a.matching("NoAlliance", Map.of()).get(0);
        assertThat(no.sources()).containsExactly("two");
        // Source two is graded C3: its "will" (0.9) counts 0.9 x 0.9 x 0.9.
        assertThat(no.likelihood()).isCloseTo(0.729, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(no.derivations().get(0).weight()).isCloseTo(0.729, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void the_graphs_draw_the_opposition_and_the_contested_pair() {
        assertThat(org.policyadvisor.graph.Dot.render(org.policyadvisor.graph.CausalGraph.network(ADVISOR.rules(),
                ADVISOR.vocabulary()))).contains("Alliance -> NoAlliance [label=\"opposes\", style=dashed]");
        assertThat(org.policyadvisor.graph.Dot.render(org.policyadvisor.graph.CausalGraph.derivation(
                assess(pact("RUS", "PRK"))))).containsPattern("c\\d+ -> c\\d+ \\[label=\"contested\", style=dashed]");
    }

    @Test
    void an_evaluation_restricted_to_one_source_shows_only_its_side() {
        Assessment one = ADVISOR.withSelection(RuleSelection.ALL.withSources(Set.of("one")))
                .assess(Scenario.of("t", List.of(pact("RUS", "PRK"))));

        assertThat(one.contested()).isEmpty();
        assertThat(one.matching("NoAlliance", Map.of())).isEmpty();
        assertThat(one.matching("Alliance", Map.of())).hasSize(1);
    }
}
