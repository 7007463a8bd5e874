package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rules expose which fields their conditions and conclusions tie to variables, so that values can be followed. */
class RuleVariablesTest {

    @Test
    void a_bound_field_and_the_conclusion_argument_name_the_same_variable() {
        Rule rule = Fixtures.mini().rule("unbound-lethal").orElseThrow();

        assertThat(rule.conditions().get(0).fields()).isEqualTo(Map.of("actor", "KOR"));
        assertThat(rule.conditions().get(0).variables()).isEqualTo(Map.of("recipient", "$r"));
        assertThat(rule.conditions().get(1).variables()).isEmpty();
        assertThat(rule.conclusions()).singleElement().satisfies(c -> {
            assertThat(c.fields()).isEqualTo(Map.of("supplier", "KOR"));
            assertThat(c.variables()).isEqualTo(Map.of("recipient", "$r"));
        });
    }

    @Test
    void a_join_on_a_variable_is_read_like_a_binding() {
        Advisor advisor = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of(
                "vocabulary.drl", """
                        package t;
                        declare TreatySigned
                            partyA : String @actor
                            partyB : String @actor
                            mutualAssistance : boolean
                        end
                        declare ArmedInvasion
                            invader : String @actor
                            victim : String @actor
                        end
                        declare MilitaryAid
                            provider : String @actor
                            recipient : String @actor
                            form : String @values("wartime-assistance")
                        end
                        """,
                "actors.csv", "code,name\nRUS,Russia\nPRK,North Korea\n",
                "claims.drl", """
                        package t;
                        rule "Article 4"
                            @id("article-4") @source("s") @quote("q") @hedge("will")
                        when
                            TreatySigned($a : partyA, $b : partyB, mutualAssistance == true)
                            ArmedInvasion(victim == $a)
                        then
                            insertLogical(new MilitaryAid($b, $a, "wartime-assistance"));
                        end
                        """))).build();
        Rule rule = advisor.rule("article-4").orElseThrow();

        assertThat(rule.conditions().get(0).variables()).isEqualTo(Map.of("partyA", "$a", "partyB", "$b"));
        assertThat(rule.conditions().get(0).fields()).isEqualTo(Map.of("mutualAssistance", true));
        assertThat(rule.conditions().get(1).variables()).isEqualTo(Map.of("victim", "$a"));
        assertThat(rule.conclusions()).singleElement().satisfies(c -> {
            assertThat(c.fields()).isEqualTo(Map.of("form", "wartime-assistance"));
            assertThat(c.variables()).isEqualTo(Map.of("provider", "$b", "recipient", "$a"));
        });
    }

    @Test
    void a_rule_with_only_literals_ties_nothing() {
        Rule rule = Fixtures.mini().rule("pw-unbind").orElseThrow();

        assertThat(rule.conditions()).allSatisfy(c -> assertThat(c.variables()).isEmpty());
        assertThat(rule.conclusions()).allSatisfy(c -> assertThat(c.variables()).isEmpty());
    }
}
