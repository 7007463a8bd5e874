package org.policyadvisor.whynot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.policyadvisor.whynot.WhyNotTest.pattern;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Fixtures;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.MalformedInputException;
import org.policyadvisor.Vocabulary;

class TargetsTest {

    private final Vocabulary article = Fixtures.article().vocabulary();

    @Test
    void a_bare_type_is_a_pattern_without_fields() {
        assertThat(Targets.parse(" AidRestraintLifted ", article)).isEqualTo(pattern("AidRestraintLifted", Map.of()));
        assertThat(Targets.parse("AidRestraintLifted()", article)).isEqualTo(pattern("AidRestraintLifted", Map.of()));
    }

    @Test
    void field_values_take_the_kind_their_field_declares() {
        assertThat(Targets.parse("TreatySigned(partyA=RUS, mutualAssistance=true)", article))
                .isEqualTo(pattern("TreatySigned", Map.of("partyA", "RUS", "mutualAssistance", true)));
        assertThat(Targets.parse("AidRestraintLifted(actor == \"KOR\", beneficiary=\"U,K\")", article))
                .isEqualTo(pattern("AidRestraintLifted", Map.of("actor", "KOR", "beneficiary", "U,K")));
    }

    @Test
    void a_json_object_reads_like_a_scenario_fact() {
        assertThat(Targets.parse("{\"type\": \"TreatySigned\", \"mutualAssistance\": true}", article))
                .isEqualTo(pattern("TreatySigned", Map.of("mutualAssistance", true)));
    }

    @Test
    void malformed_text_is_refused_with_what_was_expected() {
        assertThat(catchThrowableOfType(InvalidFactsException.class, () -> Targets.parse("Aid Restraint", article))
                .problems()).singleElement().satisfies(p -> {
                    assertThat(p.where()).isEqualTo("consequence");
                    assertThat(p.message()).contains("expected Type, Type(field=value, ...) or a JSON object");
                });
        assertThat(catchThrowableOfType(InvalidFactsException.class, () -> Targets.parse("A(actor)", article))
                .problems().get(0).message()).contains("expected field=value, got 'actor'");
        assertThat(catchThrowableOfType(InvalidFactsException.class, () -> Targets.parse("A(a=1, a=2)", article))
                .problems().get(0).message()).contains("given twice");
        assertThat(catchThrowableOfType(MalformedInputException.class, () -> Targets.parse("{\"type\": ", article))
                .problems().get(0).where()).startsWith("consequence:1:");
        assertThat(catchThrowableOfType(InvalidFactsException.class, () -> Targets.parse("{\"actor\": \"KOR\"}", article))
                .problems().get(0).where()).isEqualTo("consequence.type");
    }
}
