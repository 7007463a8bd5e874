package org.policyadvisor.whynot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fact;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Given;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.Node;
import org.policyadvisor.Scenario;
import org.policyadvisor.whynot.Premise.State;
import org.policyadvisor.whynot.Premise.Trace;

class WhyNotTest {

    private static final Fact ENGAGEMENT = Fact.of("EngagementPolicy", Map.of("actor", "KOR"));

    private final WhyNot whyNot = new WhyNot(Fixtures.mini());

    private static Scenario scenario(Fact... facts) {
        return new Scenario("test", "a test", List.of(facts));
    }

    static FactPattern pattern(String type, Map<String, ?> fields) {
        return new FactPattern(type, new TreeMap<>(fields));
    }

    private static FactPattern pattern(String type) {
        return pattern(type, Map.of());
    }

    private static Candidate rule(Answer answer, String id) {
        return answer.rules().stream().filter(c -> c.rule().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_missing_premise_is_followed_back_through_the_rules_to_the_transfer_no_rule_concludes() {
        Answer answer = whyNot.ask(scenario(), pattern("LethalAidConsidered"));

        assertThat(answer.status()).isEqualTo(Answer.Status.DOES_NOT_FOLLOW);
        assertThat(answer.rules()).extracting(c -> c.rule().id()).containsExactly("unbound-lethal");
        Premise unbound = rule(answer, "unbound-lethal").premises().get(0);
        assertThat(unbound.state()).isEqualTo(State.MISSING);
        assertThat(unbound.trace()).isEqualTo(Trace.RULES);
        assertThat(unbound.pattern()).isEqualTo(pattern("AidRestraintLifted", Map.of("actor", "KOR")));
        assertThat(unbound.rules()).extracting(c -> c.rule().id()).containsExactly("any-unbind", "pw-unbind");
        Premise transfer = unbound.rules().get(1).premises().get(0);
        assertThat(transfer.state()).isEqualTo(State.MISSING);
        assertThat(transfer.trace()).isEqualTo(Trace.NO_RULE);
        assertThat(transfer.pattern()).isEqualTo(pattern("ArmsTransfer",
                Map.of("supplier", "RUS", "recipient", "PRK", "category", "precision-weapons")));
        assertThat(answer.options()).extracting(Option::facts).containsExactly(
                List.of(transfer.pattern()),
                List.of(pattern("ArmsTransfer", Map.of("recipient", "PRK"))));
    }

    @Test
    void each_premise_is_marked_satisfied_with_the_fact_that_matches_it() {
        Answer answer = whyNot.ask(scenario(ENGAGEMENT), pattern("LethalAidConsidered"));

        Premise absence = rule(answer, "unbound-lethal").premises().get(1);
        assertThat(absence.condition().absent()).isTrue();
        assertThat(absence.state()).isEqualTo(State.BLOCKED);

        Answer clear = whyNot.ask(scenario(), pattern("LethalAidConsidered"));
        assertThat(rule(clear, "unbound-lethal").premises().get(1).state()).isEqualTo(State.SATISFIED);
    }

    @Test
    void a_blocked_absence_names_the_fact_that_blocks_it_and_the_option_withdraws_it() {
        Answer answer = whyNot.ask(scenario(Fixtures.transfer("precision-weapons"), ENGAGEMENT),
                pattern("LethalAidConsidered"));

        Candidate lethal = rule(answer, "unbound-lethal");
        Premise unbound = lethal.premises().get(0);
        assertThat(unbound.state()).isEqualTo(State.SATISFIED);
        assertThat(unbound.facts()).extracting(Node::fact)
                .containsExactly(Fact.of("AidRestraintLifted", Map.of("actor", "KOR", "recipient", "UKR")));
        Premise blocked = lethal.premises().get(1);
        assertThat(blocked.state()).isEqualTo(State.BLOCKED);
        assertThat(blocked.facts()).singleElement().satisfies(n -> {
            assertThat(n).isInstanceOf(Given.class);
            assertThat(n.fact()).isEqualTo(ENGAGEMENT);
        });
        assertThat(answer.options()).singleElement().satisfies(o -> {
            assertThat(o.facts()).isEmpty();
            assertThat(o.withdraw()).extracting(Node::fact).containsExactly(ENGAGEMENT);
            assertThat(o.check()).isEqualTo(Option.Check.FOLLOWS);
        });
    }

    @Test
    void a_target_that_follows_is_answered_with_its_consequence() {
        Answer answer = whyNot.ask(scenario(Fixtures.transfer("precision-weapons")),
                pattern("LethalAidConsidered", Map.of("supplier", "KOR")));

        assertThat(answer.status()).isEqualTo(Answer.Status.FOLLOWS);
        assertThat(answer.holds()).isTrue();
        assertThat(answer.matches()).singleElement().extracting(Node::fact)
                .isEqualTo(Fact.of("LethalAidConsidered", Map.of("supplier", "KOR", "recipient", "UKR")));
        assertThat(answer.rules()).isEmpty();
        assertThat(answer.options()).isEmpty();
    }

    @Test
    void a_target_the_scenario_asserts_is_given() {
        Answer answer = whyNot.ask(scenario(ENGAGEMENT), pattern("EngagementPolicy"));

        assertThat(answer.status()).isEqualTo(Answer.Status.GIVEN);
        assertThat(answer.matches()).singleElement().isInstanceOf(Given.class);
    }

    @Test
    void a_target_no_rule_concludes_has_no_rules_and_no_options() {
        Answer answer = whyNot.ask(scenario(), pattern("EngagementPolicy"));

        assertThat(answer.status()).isEqualTo(Answer.Status.DOES_NOT_FOLLOW);
        assertThat(answer.rules()).isEmpty();
        assertThat(answer.options()).isEmpty();
    }

    @Test
    void the_targets_values_reach_the_premises_through_the_rules_variables() {
        Answer answer = whyNot.ask(scenario(), pattern("LethalAidConsidered", Map.of("recipient", "KOR")));

        Premise unbound = rule(answer, "unbound-lethal").premises().get(0);
        assertThat(unbound.pattern()).isEqualTo(pattern("AidRestraintLifted", Map.of("actor", "KOR", "recipient", "KOR")));
        assertThat(unbound.trace()).as("both unbinding rules conclude recipient UKR").isEqualTo(Trace.NO_RULE);
        assertThat(answer.options()).singleElement().satisfies(o -> {
            assertThat(o.facts()).containsExactly(unbound.pattern());
            assertThat(o.check()).isEqualTo(Option.Check.FOLLOWS);
        });
    }

    @Test
    void a_complete_option_is_checked_and_an_open_one_is_not() {
        Answer answer = whyNot.ask(scenario(), pattern("AidRestraintLifted"));

        assertThat(answer.options()).extracting(Option::check)
                .containsExactly(Option.Check.FOLLOWS, Option.Check.UNCHECKED);
    }

    @Test
    void an_unknown_type_field_or_value_in_the_target_is_refused_with_its_path() {
        InvalidFactsException type = catchThrowableOfType(InvalidFactsException.class,
                () -> whyNot.ask(scenario(), pattern("Nope")));
        assertThat(type.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("consequence.type");
            assertThat(p.message()).contains("unknown fact type 'Nope'").contains("AidRestraintLifted");
        });

        InvalidFactsException field = catchThrowableOfType(InvalidFactsException.class,
                () -> whyNot.ask(scenario(), pattern("AidRestraintLifted", Map.of("giver", "KOR"))));
        assertThat(field.problems()).singleElement().satisfies(p -> assertThat(p.where()).isEqualTo("consequence.giver"));

        InvalidFactsException value = catchThrowableOfType(InvalidFactsException.class,
                () -> whyNot.ask(scenario(), pattern("AidRestraintLifted", Map.of("actor", "XYZ"))));
        assertThat(value.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("unknown actor 'XYZ'"));
    }

    @Test
    void the_answer_is_the_same_each_time() {
        Scenario s = scenario(ENGAGEMENT);
        assertThat(whyNot.ask(s, pattern("LethalAidConsidered")))
                .isEqualTo(whyNot.ask(s, pattern("LethalAidConsidered")));
    }

    @Test
    void the_bounds_are_checked() {
        Advisor advisor = Fixtures.mini();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new Bounds(0, 1)))
                .hasMessageContaining("depth");
        assertThat(new WhyNot(advisor, new Bounds(1, 1)).ask(scenario(), pattern("LethalAidConsidered")).options())
                .hasSize(1);
    }
}
