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
        Rule rule = Fixtures.article().rule("article-4-assistance-to-invaded-first-party").orElseThrow();

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
