package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two sources that disagree, one graded lower than the other, over a symmetric pact: facts of a symmetric type match
 * either way round, a source's grade scales its claims, opposite facts that both hold are marked contested, and a
 * selection restricts the sources, disables rules or changes hedges without rebuilding the rule base.
 */
class SourcesAndSelectionTest {

    private static final String HEADER = """
            title: A test source
            publisher: Test Press
            author: A. Writer
            date: 2024-06-20
            url: https://example.org/source
            retrieved: 2024-06-21
            text: excerpt
            """;

    private static Advisor advisor;

    @BeforeAll
    static void compile() {
        advisor = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of(
                "actors.csv", "code,name\nRUS,Russia\nPRK,North Korea\nKOR,South Korea\n",
                "vocabulary.drl", """
                        package pact;
                        declare Pact
                            @doc("Two states sign a pact; it binds both alike.")
                            @symmetric("partyA|partyB")
                            partyA : String @key @actor
                            partyB : String @key @actor
                        end
                        declare Tension
                            @doc("An actor grows more tense.")
                            @opposite("Calm")
                            actor : String @key @actor
                        end
                        declare Calm
                            @doc("An actor stays calm.")
                            actor : String @key @actor
                        end
                        """,
                "claims.drl", """
                        package pact;
                        rule "A Russian pact raises tension in Seoul"
                            @id("pact-tension") @source("hawk") @quote("tension will rise") @hedge("will")
                        when
                            Pact(partyA == "RUS", partyB == "PRK")
                        then
                            insertLogical(new Tension("KOR"));
                        end
                        rule "A North Korean pact may leave Seoul calm"
                            @id("pact-calm") @source("dove") @quote("Seoul may stay calm") @hedge("may")
                        when
                            Pact(partyA == "PRK", $other : partyB)
                        then
                            insertLogical(new Calm("KOR"));
                        end
                        """,
                "sources/hawk.txt", "id: hawk\n" + HEADER + "grade: B2\n---\nAfter the pact, tension will rise.\n",
                "sources/dove.txt", "id: dove\n" + HEADER + "grade: C3\n---\nSeoul may stay calm.\n"))).build();
    }

    private static Assessment pact(String a, String b) {
        return advisor.assess(Scenario.of("pact", List.of(Fact.of("Pact", Map.of("partyA", a, "partyB", b)))));
    }

    private static final Fact TENSION = Fact.of("Tension", Map.of("actor", "KOR"));
    private static final Fact CALM = Fact.of("Calm", Map.of("actor", "KOR"));

    @Test
    void a_symmetric_fact_matches_a_claim_written_either_way_round() {
        for (Assessment a : List.of(pact("RUS", "PRK"), pact("PRK", "RUS"))) {
            assertThat(a.given()).singleElement().extracting(Given::fact)
                    .isEqualTo(Fact.of("Pact", Map.of("partyA", "RUS", "partyB", "PRK")));
            assertThat(a.consequences()).extracting(Consequence::fact).containsExactly(CALM, TENSION);
            assertThat(a.find(CALM).orElseThrow().derivations()).extracting(d -> d.rule().id())
                    .containsExactly("pact-calm");
        }
    }

    @Test
    void a_claim_counts_for_its_hedge_scaled_by_its_source_grade() {
        Assessment a = pact("RUS", "PRK");

        assertThat(a.find(TENSION).orElseThrow().likelihood()).isCloseTo(0.9, within(1e-9));
        assertThat(a.find(CALM).orElseThrow().likelihood()).isCloseTo(0.5 * 0.9 * 0.9, within(1e-9));
        assertThat(a.find(CALM).orElseThrow().derivations()).singleElement()
                .satisfies(d -> assertThat(d.weight()).isCloseTo(0.5 * 0.9 * 0.9, within(1e-9)));
    }

    @Test
    void opposite_facts_that_both_hold_are_contested() {
        Assessment a = pact("RUS", "PRK");

        assertThat(a.contested()).singleElement().satisfies(c -> {
            assertThat(c.one().fact()).isEqualTo(CALM);
            assertThat(c.other().fact()).isEqualTo(TENSION);
        });
    }

    @Test
    void a_selection_restricts_sources_disables_rules_and_changes_hedges() {
        Advisor hawkOnly = advisor.withSelection(RuleSelection.ALL.withSources(Set.of("hawk")));
        Advisor noTension = advisor.withSelection(RuleSelection.ALL.without("pact-tension"));
        Advisor firmDove = advisor.withSelection(RuleSelection.ALL.withHedge("pact-calm", Hedge.WILL));

        assertThat(hawkOnly.assess(Scenario.of("p", List.of(Fact.of("Pact", Map.of("partyA", "PRK",
                "partyB", "RUS"))))).consequences()).extracting(Consequence::fact).containsExactly(TENSION);
        Assessment calm = noTension.assess(Scenario.of("p", List.of(Fact.of("Pact", Map.of("partyA", "RUS",
                "partyB", "PRK")))));
        assertThat(calm.consequences()).extracting(Consequence::fact).containsExactly(CALM);
        assertThat(calm.contested()).isEmpty();
        assertThat(firmDove.assess(Scenario.of("p", List.of(Fact.of("Pact", Map.of("partyA", "RUS",
                "partyB", "PRK"))))).find(CALM).orElseThrow().likelihood()).isCloseTo(0.9 * 0.9 * 0.9, within(1e-9));
        assertThat(firmDove.revision()).isEqualTo(advisor.revision());
        assertThat(pact("RUS", "PRK").consequences()).hasSize(2);
    }

    @Test
    void a_selection_of_what_the_rule_base_does_not_have_is_not_found() {
        NotFoundException source = catchThrowableOfType(NotFoundException.class,
                () -> advisor.withSelection(RuleSelection.ALL.withSources(Set.of("hawks"))));
        NotFoundException rule = catchThrowableOfType(NotFoundException.class,
                () -> advisor.withSelection(RuleSelection.ALL.without("pact-peace")));

        assertThat(source.getMessage()).isEqualTo("unknown source 'hawks' (did you mean 'hawk'?); the rules cite dove,"
                + " hawk");
        assertThat(rule.getMessage()).isEqualTo("unknown rule 'pact-peace'");
    }
}
