package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = Fixtures.mini().vocabulary();

    private List<Problem> problems(Fact... facts) {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class,
                () -> vocabulary.check(List.of(facts), "facts"));
        assertThat(e).as("expected the facts to be rejected").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FACTS);
        return e.problems();
    }

    @Test
    void vocabulary_is_read_from_the_declared_types() {
        FactTypeSpec transfer = vocabulary.type("ArmsTransfer").orElseThrow();

        assertThat(transfer.doc()).isEqualTo("One actor supplies weapons to another.");
        assertThat(transfer.fields()).extracting(FieldSpec::name).containsExactly("supplier", "recipient", "category");
        assertThat(transfer.field("supplier").orElseThrow().actor()).isTrue();
        assertThat(transfer.field("category").orElseThrow().values()).containsExactly("precision-weapons", "ammunition");
        assertThat(vocabulary.actors()).containsKeys("KOR", "PRK", "RUS", "UKR");
    }

    @Test
    void unknown_type_is_named_with_its_path() {
        assertThat(problems(Fixtures.transfer("ammunition"), Fact.of("Invasion", Map.of())))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.where()).isEqualTo("facts[1].type");
                    assertThat(p.message()).contains("unknown fact type 'Invasion'").contains("ArmsTransfer");
                });
    }

    @Test
    void a_near_miss_gets_a_hint_for_the_type_a_field_an_actor_and_a_value() {
        List<Problem> problems = problems(
                Fact.of("ArmTransfer", Map.of()),
                Fact.of("ArmsTransfer", Map.of("supplier", "RUS", "recipient", "PRK", "category", "amunition")),
                Fact.of("ArmsTransfer", Map.of("suplier", "RUS", "recipient", "PRKK", "category", "ammunition")));

        assertThat(problems).extracting(Problem::where)
                .containsExactly("facts[0].type", "facts[1].category", "facts[2].recipient", "facts[2].suplier",
                        "facts[2].supplier");
        assertThat(problems).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("unknown fact type 'ArmTransfer' (did you mean 'ArmsTransfer'?);"),
                m -> assertThat(m).startsWith("'amunition' is not allowed (did you mean 'ammunition'?);"),
                m -> assertThat(m).startsWith("unknown actor 'PRKK' (did you mean 'PRK'?);"),
                m -> assertThat(m).startsWith("unknown field of ArmsTransfer (did you mean 'supplier'?);"),
                m -> assertThat(m).startsWith("missing required field"));
    }

    @Test
    void unknown_field_wrong_kind_and_missing_field_are_all_reported() {
        Fact bad = Fact.of("ArmsTransfer", Map.of("supplier", 7, "recipient", "PRK", "quantity", 3));

        assertThat(problems(bad)).extracting(Problem::where)
                .containsExactlyInAnyOrder("facts[0].supplier", "facts[0].quantity", "facts[0].category");
    }

    @Test
    void actor_codes_must_be_known() {
        Fact bad = Fact.of("ArmsTransfer", Map.of("supplier", "Russia", "recipient", "PRK", "category", "ammunition"));

        assertThat(problems(bad)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown actor 'Russia'").contains("RUS"));
    }

    @Test
    void closed_sets_reject_other_values() {
        assertThat(problems(Fixtures.transfer("tanks"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.where()).isEqualTo("facts[0].category");
                    assertThat(p.message()).contains("precision-weapons, ammunition");
                });
    }

    @Test
    void valid_facts_pass_unchanged() {
        List<Fact> facts = List.of(Fixtures.transfer("ammunition"));

        assertThat(vocabulary.check(facts, "facts")).isEqualTo(facts);
    }

    @Test
    void checked_facts_check_again_unchanged_and_a_pattern_is_still_checked_as_a_fact() {
        List<Fact> once = vocabulary.check(List.of(Fixtures.transfer("ammunition")), "facts");

        List<Fact> twice = vocabulary.check(once, "facts");
        Fact pattern = vocabulary.checkPattern(Fact.of("ArmsTransfer", Map.of("supplier", "RUS")), "consequence");

        assertThat(twice).isEqualTo(once);
        assertThat(problems(once.get(0), pattern)).extracting(Problem::where)
                .containsExactlyInAnyOrder("facts[1].category", "facts[1].recipient");
    }
}
