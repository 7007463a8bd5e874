package org.policyadvisor.whynot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyadvisor.whynot.WhyNotTest.pattern;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Rule;
import org.policyadvisor.Scenario;

/**
 * Why-not over a rule that joins three premises through a variable, and over two rules that conclude the same fact
 * from alternative premises; and, over these rules and the mini rules, that every concluded type either holds or
 * has a set of facts that makes it follow.
 */
class JoinsAndAlternativesTest {

    private static final String TYPES = """
            package options;
            declare TechnologyTransfer
                @doc("One actor hands a technology to another.")
                supplier : String @key @actor
                recipient : String @key @actor
                technology : String @key @values("missile-guidance|re-entry-vehicle|warhead-design")
            end
            declare LongRangeCapability
                @doc("An actor can strike far.")
                holder : String @key @actor
            end
            declare ArmedInvasion
                @doc("An actor is invaded.")
                victim : String @key @actor
            end
            declare MilitaryAid
                @doc("Aid in a war.")
                form : String @key @values("wartime-assistance")
            end
            """;

    private static final String RULES = """
            package options;
            rule "Three technologies make a capability" @id("three-technologies") @source("s") @quote("q") @hedge("likely")
            when
                TechnologyTransfer(supplier == "RUS", $r : recipient, technology == "missile-guidance")
                TechnologyTransfer(supplier == "RUS", recipient == $r, technology == "re-entry-vehicle")
                TechnologyTransfer(supplier == "RUS", recipient == $r, technology == "warhead-design")
            then
                insertLogical(new LongRangeCapability($r));
            end
            rule "Aid when Pyongyang is invaded" @id("aid-if-prk-invaded") @source("s") @quote("q") @hedge("will")
            when ArmedInvasion(victim == "PRK") then insertLogical(new MilitaryAid("wartime-assistance")); end
            rule "Aid when Moscow is invaded" @id("aid-if-rus-invaded") @source("s") @quote("q") @hedge("will")
            when ArmedInvasion(victim == "RUS") then insertLogical(new MilitaryAid("wartime-assistance")); end
            """;

    private static Advisor advisor;

    private static synchronized Advisor advisor() {
        if (advisor == null) {
            advisor = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of("vocabulary.drl", TYPES,
                    "actors.csv", "code,name\nRUS,Russia\nPRK,North Korea\n", "rules.drl", RULES))).build();
        }
        return advisor;
    }

    private static final Scenario EMPTY = new Scenario("empty", "nothing happened", List.of());

    @Test
    void a_join_of_three_missing_premises_is_one_rule_and_one_option_with_the_targets_value_in_each() {
        Answer answer = new WhyNot(advisor()).ask(EMPTY, pattern("LongRangeCapability", Map.of("holder", "PRK")));

        assertThat(answer.status()).isEqualTo(Answer.Status.DOES_NOT_FOLLOW);
        assertThat(answer.rules()).singleElement().satisfies(c -> {
            assertThat(c.rule().id()).isEqualTo("three-technologies");
            assertThat(c.premises()).hasSize(3).allSatisfy(p -> {
                assertThat(p.state()).isEqualTo(Premise.State.MISSING);
                assertThat(p.trace()).isEqualTo(Premise.Trace.NO_RULE);
            });
        });
        assertThat(answer.options()).first().satisfies(o -> {
            assertThat(o.facts()).extracting(p -> p.fields().get("technology"))
                    .containsExactly("missile-guidance", "re-entry-vehicle", "warhead-design");
            assertThat(o.facts()).allSatisfy(p -> assertThat(p.fields())
                    .containsEntry("supplier", "RUS").containsEntry("recipient", "PRK"));
            assertThat(o.check()).isEqualTo(Option.Check.FOLLOWS);
        });
    }

    @Test
    void two_rules_that_conclude_the_same_fact_give_one_option_each() {
        Answer answer = new WhyNot(advisor()).ask(EMPTY, pattern("MilitaryAid", Map.of("form", "wartime-assistance")));

        assertThat(answer.rules()).extracting(c -> c.rule().id())
                .containsExactlyInAnyOrder("aid-if-prk-invaded", "aid-if-rus-invaded");
        assertThat(answer.options()).extracting(Option::facts).containsExactlyInAnyOrder(
                List.<FactPattern>of(pattern("ArmedInvasion", Map.of("victim", "PRK"))),
                List.<FactPattern>of(pattern("ArmedInvasion", Map.of("victim", "RUS"))));
        assertThat(answer.options()).allSatisfy(o -> assertThat(o.check()).isEqualTo(Option.Check.FOLLOWS));
    }

    @Test
    void every_concluded_type_either_holds_or_has_a_set_of_facts_that_makes_it_follow() {
        for (Advisor a : List.of(advisor(), Fixtures.mini())) {
            WhyNot whyNot = new WhyNot(a);
            List<String> types = a.rules().stream().map(Rule::concludes).flatMap(List::stream)
                    .distinct().sorted().toList();

            assertThat(types).isNotEmpty().allSatisfy(type -> {
                Answer answer = whyNot.ask(EMPTY, pattern(type, Map.of()));
                assertThat(answer.holds() || !answer.options().isEmpty()).as(type).isTrue();
                assertThat(answer.options()).as(type)
                        .noneSatisfy(o -> assertThat(o.check()).isEqualTo(Option.Check.DOES_NOT_FOLLOW));
            });
        }
    }
}
