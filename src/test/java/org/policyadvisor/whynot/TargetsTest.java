package org.policyadvisor.whynot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.policyadvisor.whynot.WhyNotTest.pattern;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fixtures;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.MalformedInputException;
import org.policyadvisor.Vocabulary;

class TargetsTest {

    /** A vocabulary with a boolean field and a two-actor type, its one rule only there to make it a rule base. */
    private static Vocabulary vocabulary;

    private static synchronized Vocabulary types() {
        if (vocabulary == null) {
            vocabulary = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of(
                    "actors.csv", "code,name\nRUS,Russia\nPRK,North Korea\nKOR,South Korea\nUKR,Ukraine\n",
                    "vocabulary.drl", """
                            package targets;
                            declare TreatySigned
                                @doc("Two states sign a treaty.")
                                partyA : String @key @actor
                                partyB : String @key @actor
                                mutualAssistance : boolean @key
                            end
                            declare AidRestraintLifted
                                @doc("A state is no longer bound in its aid to another.")
                                actor : String @key @actor
                                beneficiary : String @key @actor
                            end
                            """,
                    "rules.drl", """
                            package targets;
                            rule "A treaty unbinds" @id("treaty-unbinds") @source("s") @quote("q") @hedge("may")
                            when TreatySigned(partyA == "RUS", mutualAssistance == true)
                            then insertLogical(new AidRestraintLifted("KOR", "UKR")); end
                            """))).build().vocabulary();
        }
        return vocabulary;
    }

    private final Vocabulary types = types();

    @Test
    void a_bare_type_is_a_pattern_without_fields() {
        assertThat(Targets.parse(" AidRestraintLifted ", types)).isEqualTo(pattern("AidRestraintLifted", Map.of()));
        assertThat(Targets.parse("AidRestraintLifted()", types)).isEqualTo(pattern("AidRestraintLifted", Map.of()));
    }

    @Test
    void field_values_take_the_kind_their_field_declares() {
        assertThat(Targets.parse("TreatySigned(partyA=RUS, mutualAssistance=true)", types))
                .isEqualTo(pattern("TreatySigned", Map.of("partyA", "RUS", "mutualAssistance", true)));
        assertThat(Targets.parse("AidRestraintLifted(actor == \"KOR\", beneficiary=\"U,K\")", types))
                .isEqualTo(pattern("AidRestraintLifted", Map.of("actor", "KOR", "beneficiary", "U,K")));
    }

    @Test
    void a_json_object_reads_like_a_scenario_fact() {
        assertThat(Targets.parse("{\"type\": \"TreatySigned\", \"mutualAssistance\": true}", types))
                .isEqualTo(pattern("TreatySigned", Map.of("mutualAssistance", true)));
    }

    @Test
    void malformed_text_is_refused_with_what_was_expected() {
        assertThat(catchThrowableOfType(InvalidFactsException.class, () -> Targets.parse("Aid Restraint", types))
                .problems()).singleElement().satisfies(p -> {
                    assertThat(p.where()).isEqualTo("consequence");
                    assertThat(p.message()).contains("expected Type, Type(field=value, ...) or a JSON object");
                });
        assertThat(catchThrowableOfType(InvalidFactsException.class, () -> Targets.parse("A(actor)", types))
                .problems().get(0).message()).contains("expected field=value, got 'actor'");
        assertThat(catchThrowableOfType(InvalidFactsException.class, () -> Targets.parse("A(a=1, a=2)", types))
                .problems().get(0).message()).contains("given twice");
        assertThat(catchThrowableOfType(MalformedInputException.class, () -> Targets.parse("{\"type\": ", types))
                .problems().get(0).where()).startsWith("consequence:1:");
        assertThat(catchThrowableOfType(InvalidFactsException.class, () -> Targets.parse("{\"actor\": \"KOR\"}", types))
                .problems().get(0).where()).isEqualTo("consequence.type");
    }
}
