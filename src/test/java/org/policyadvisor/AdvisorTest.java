package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class AdvisorTest {

    private final Advisor advisor = Fixtures.mini();

    private Assessment assess(Fact... facts) {
        return advisor.assess(new Scenario("test", "a test", List.of(facts)));
    }

    private static final Fact UNBOUND = Fact.of("AidRestraintLifted", Map.of("actor", "KOR", "recipient", "UKR"));
    private static final Fact LETHAL = Fact.of("LethalAidConsidered", Map.of("supplier", "KOR", "recipient", "UKR"));

    @Test
    void a_consequence_is_explained_by_its_rule_premises_and_quote() {
        Assessment a = assess(Fixtures.transfer("ammunition"));

        Consequence unbound = a.find(UNBOUND).orElseThrow();
        assertThat(unbound.derivations()).singleElement().satisfies(d -> {
            assertThat(d.rule().id()).isEqualTo("any-unbind");
            assertThat(d.rule().quote()).isEqualTo("may");
            assertThat(d.rule().hedge()).isEqualTo(Hedge.MAY);
            assertThat(d.premises()).singleElement().isInstanceOf(Given.class)
                    .extracting(Node::fact).isEqualTo(Fixtures.transfer("ammunition"));
        });
        assertThat(unbound.likelihood()).isEqualTo(0.5);
    }

    @Test
    void chains_forward_and_explains_down_to_the_given_facts() {
        Assessment a = assess(Fixtures.transfer("precision-weapons"));

        Consequence lethal = a.find(LETHAL).orElseThrow();
        assertThat(lethal.depth()).isEqualTo(2);
        Node premise = lethal.derivations().get(0).premises().get(0);
        assertThat(premise).isInstanceOf(Consequence.class);
        Consequence unbound = (Consequence) premise;
        assertThat(unbound.fact()).isEqualTo(UNBOUND);
        assertThat(unbound.derivations().get(0).premises()).allMatch(p -> p instanceof Given);
    }

    @Test
    void two_rules_supporting_one_consequence_are_both_shown() {
        Assessment a = assess(Fixtures.transfer("precision-weapons"));

        Consequence unbound = a.find(UNBOUND).orElseThrow();
        assertThat(unbound.derivations()).extracting(d -> d.rule().id()).containsExactly("any-unbind", "pw-unbind");
        assertThat(unbound.derivations()).extracting(Derivation::likelihood).containsExactly(0.5, 0.9);
    }

    @Test
    void likelihood_is_rule_times_weakest_premise_and_the_best_derivation_wins() {
        Assessment a = assess(Fixtures.transfer("precision-weapons"));

        assertThat(a.find(UNBOUND).orElseThrow().likelihood()).isEqualTo(0.9);
        assertThat(a.find(LETHAL).orElseThrow().likelihood()).isCloseTo(0.7 * 0.9, within(1e-9));
    }

    @Test
    void absences_a_rule_relied_on_are_shown() {
        Consequence lethal = assess(Fixtures.transfer("precision-weapons")).find(LETHAL).orElseThrow();

        assertThat(lethal.derivations().get(0).absent()).containsExactly("not EngagementPolicy(actor == \"KOR\")");
    }

    @Test
    void a_present_fact_blocks_a_rule_that_needs_its_absence() {
        Assessment a = assess(Fixtures.transfer("precision-weapons"),
                Fact.of("EngagementPolicy", Map.of("actor", "KOR")));

        assertThat(a.find(UNBOUND)).isPresent();
        assertThat(a.find(LETHAL)).isEmpty();
    }

    @Test
    void a_consequence_asserted_directly_is_a_given_fact_and_still_chains() {
        Assessment a = assess(UNBOUND);

        assertThat(a.given()).extracting(Given::fact).containsExactly(UNBOUND);
        assertThat(a.find(UNBOUND)).isEmpty();
        Consequence lethal = a.find(LETHAL).orElseThrow();
        assertThat(lethal.derivations().get(0).premises()).singleElement().isInstanceOf(Given.class);
        assertThat(lethal.likelihood()).isEqualTo(0.7);
    }

    @Test
    void order_and_ids_are_deterministic_whatever_the_input_order() {
        Fact p = Fixtures.transfer("precision-weapons");
        Fact m = Fixtures.transfer("ammunition");

        Assessment one = assess(p, m);
        Assessment two = assess(m, p);

        assertThat(one.consequences()).extracting(Consequence::id, c -> c.fact().toString())
                .containsExactlyElementsOf(two.consequences().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.id(), c.fact().toString())).toList());
        assertThat(one.consequences()).extracting(Consequence::depth).isSorted();
    }

    @Test
    void duplicate_given_facts_count_once() {
        Assessment a = assess(Fixtures.transfer("ammunition"), Fixtures.transfer("ammunition"));

        assertThat(a.given()).hasSize(1);
    }

    @Test
    void results_are_immutable() {
        Assessment a = assess(Fixtures.transfer("precision-weapons"));

        assertThatThrownBy(() -> a.consequences().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> a.consequences().get(0).derivations().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalid_facts_are_rejected_before_evaluation() {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class,
                () -> assess(Fact.of("Nope", Map.of())));

        assertThat(e.problems()).extracting(Problem::where).containsExactly("facts[0].type");
    }

    @Test
    void compare_shows_what_a_scenario_adds_with_explanations() {
        Scenario baseline = Scenario.of("base", List.of(Fact.of("EngagementPolicy", Map.of("actor", "KOR"))));
        Scenario scenario = Scenario.of("what-if", List.of(Fixtures.transfer("precision-weapons")));

        Comparison diff = advisor.compare(baseline, scenario);

        assertThat(diff.added()).extracting(Consequence::fact).containsExactly(UNBOUND, LETHAL);
        assertThat(diff.added().get(1).derivations()).singleElement()
                .satisfies(d -> assertThat(d.rule().id()).isEqualTo("unbound-lethal"));
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void compare_shows_likelihoods_that_change_along_the_chain() {
        Scenario baseline = Scenario.of("base", List.of(Fixtures.transfer("ammunition")));
        Scenario scenario = Scenario.of("what-if", List.of(Fixtures.transfer("precision-weapons")));

        Comparison diff = advisor.compare(baseline, scenario);

        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).extracting(c -> c.after().fact()).containsExactly(UNBOUND, LETHAL);
        assertThat(diff.changed().get(0).before().likelihood()).isEqualTo(0.5);
        assertThat(diff.changed().get(0).after().likelihood()).isEqualTo(0.9);
        assertThat(diff.changed().get(1).delta()).isCloseTo(0.63 - 0.35, within(1e-9));
    }

    @Test
    void withdrawing_a_premise_removes_what_followed_from_it() {
        Scenario baseline = Scenario.of("base", List.of(Fixtures.transfer("precision-weapons")));
        Scenario withdrawn = Scenario.of("withdrawn", List.of());

        Comparison diff = advisor.compare(baseline, withdrawn);

        assertThat(diff.removed()).extracting(Consequence::fact).containsExactly(UNBOUND, LETHAL);
        assertThat(diff.added()).isEmpty();
    }

    @Test
    void the_same_advisor_answers_concurrent_callers_identically() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Assessment>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> assess(Fixtures.transfer("precision-weapons"))));
            }
            Assessment first = answers.get(0).get();
            for (Future<Assessment> f : answers) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_evaluation_sees_nothing_of_the_ones_before_it() {
        Assessment alone = assess(Fixtures.transfer("ammunition"));

        assess(Fixtures.transfer("precision-weapons"), LETHAL);
        assess(UNBOUND);
        Assessment again = assess(Fixtures.transfer("ammunition"));

        assertThat(again).isEqualTo(alone);
        assertThat(again.given()).extracting(Node::fact).containsExactly(Fixtures.transfer("ammunition"));
        assertThat(again.find(Fixtures.transfer("precision-weapons"))).isEmpty();
    }

    @Test
    void interleaved_callers_on_many_threads_get_the_answer_each_alone_gets() throws Exception {
        List<Fact[]> inputs = List.of(new Fact[] {Fixtures.transfer("ammunition")},
                new Fact[] {Fixtures.transfer("precision-weapons")},
                new Fact[] {Fixtures.transfer("precision-weapons"), LETHAL},
                new Fact[] {UNBOUND});
        List<Assessment> alone = inputs.stream().map(this::assess).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Assessment>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Fact[] facts = inputs.get(i % inputs.size());
                answers.add(pool.submit(() -> assess(facts)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(alone.get(i % inputs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revision_is_a_content_hash_of_the_rules() {
        String again = Advisor.builder().rulesFrom(Fixtures.miniDir().resolve("rules")).build().revision();

        assertThat(advisor.revision()).matches("[0-9a-f]{12}").isEqualTo(again);
    }

    @Test
    void rules_carry_their_provenance_and_structure() {
        Rule rule = advisor.rule("unbound-lethal").orElseThrow();

        assertThat(rule.name()).isEqualTo("Unbound Seoul considers lethal aid");
        assertThat(rule.source()).isEqualTo("mini");
        assertThat(rule.needs()).containsExactly("AidRestraintLifted");
        assertThat(rule.concludes()).containsExactly("LethalAidConsidered");
        assertThat(rule.conditions()).extracting(Condition::type, Condition::absent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AidRestraintLifted", false),
                        org.assertj.core.groups.Tuple.tuple("EngagementPolicy", true));
        assertThat(rule.conditions().get(0).fields()).containsExactly(Map.entry("actor", "KOR"));
        assertThat(rule.conclusions()).singleElement()
                .satisfies(c -> assertThat(c.fields()).containsExactly(Map.entry("supplier", "KOR")));
        assertThat(rule.file()).isEqualTo("claims.drl");
        assertThat(rule.line()).isEqualTo(14);
        assertThat(advisor.rules()).extracting(Rule::id).isSorted();
    }

    @Test
    void limits_must_be_positive() {
        assertThatThrownBy(() -> new Limits(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
