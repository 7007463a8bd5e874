package org.policyadvisor.whynot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyadvisor.whynot.WhyNotTest.pattern;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Rule;
import org.policyadvisor.Scenario;

/** Why-not over the article's rules and the June 2024 baseline. */
class ArticleWhyNotTest {

    private final WhyNot whyNot = new WhyNot(Fixtures.article());
    private final Scenario baseline = Fixtures.scenarioReader().byName("june-2024-summit").scenario();

    @Test
    void seoul_unbound_in_its_aid_to_ukraine_needs_the_transfer_of_precision_weapons_to_the_dprk() {
        Answer answer = whyNot.ask(baseline, pattern("AidRestraintLifted", Map.of("actor", "KOR", "beneficiary", "UKR")));

        FactPattern transfer = pattern("ArmsTransfer", Map.of("supplier", "RUS", "recipient", "PRK", "category", "precision-weapons"));
        assertThat(answer.status()).isEqualTo(Answer.Status.DOES_NOT_FOLLOW);
        assertThat(answer.rules()).singleElement().satisfies(c -> {
            assertThat(c.rule().id()).isEqualTo("precision-weapons-unbind-seoul-aid");
            assertThat(c.premises()).singleElement().satisfies(p -> {
                assertThat(p.state()).isEqualTo(Premise.State.MISSING);
                assertThat(p.pattern()).isEqualTo(transfer);
                assertThat(p.trace()).isEqualTo(Premise.Trace.NO_RULE);
            });
        });
        assertThat(answer.options()).singleElement().satisfies(o -> {
            assertThat(o.facts()).containsExactly(transfer);
            assertThat(o.check()).isEqualTo(Option.Check.FOLLOWS);
        });
    }

    @Test
    void a_modern_long_range_capability_needs_all_three_technologies_followed_through_the_variables() {
        Answer answer = whyNot.ask(baseline, pattern("ModernLongRangeNuclearCapability", Map.of()));

        assertThat(answer.options()).first().satisfies(o -> {
            assertThat(o.facts()).extracting(p -> p.fields().get("technology"))
                    .containsExactly("missile-guidance", "re-entry-vehicle", "warhead-design");
            assertThat(o.facts()).allSatisfy(p -> assertThat(p.fields()).containsEntry("supplier", "RUS"));
            assertThat(o.check()).isEqualTo(Option.Check.FOLLOWS);
        });
    }

    @Test
    void article_4_assistance_needs_an_invasion_of_the_party_assisted() {
        Answer answer = whyNot.ask(baseline, pattern("MilitaryAid", Map.of("form", "wartime-assistance")));

        assertThat(answer.options()).extracting(Option::facts).containsExactly(
                List.of(pattern("ArmedInvasion", Map.of("victim", "PRK"))),
                List.of(pattern("ArmedInvasion", Map.of("victim", "RUS"))));
    }

    @Test
    void every_concluded_type_either_holds_or_has_a_set_of_facts_that_makes_it_follow() {
        List<String> types = Fixtures.article().rules().stream().map(Rule::concludes).flatMap(List::stream)
                .distinct().sorted().toList();

        assertThat(types).isNotEmpty().allSatisfy(type -> {
            Answer answer = whyNot.ask(baseline, pattern(type, Map.of()));
            assertThat(answer.holds() || !answer.options().isEmpty()).as(type).isTrue();
            assertThat(answer.options()).as(type)
                    .noneSatisfy(o -> assertThat(o.check()).isEqualTo(Option.Check.DOES_NOT_FOLLOW));
        });
    }
}
