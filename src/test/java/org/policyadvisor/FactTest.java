package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FactTest {

    @Test
    void fields_print_in_name_order_whatever_the_insertion_order() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("supplier", "RUS");
        fields.put("category", "ammunition");
        fields.put("recipient", "PRK");

        Fact fact = Fact.of("ArmsTransfer", fields);

        assertThat(fact).hasToString("ArmsTransfer(category=ammunition, recipient=PRK, supplier=RUS)");
    }

    @Test
    void a_fact_cannot_be_changed_through_its_fields() {
        Map<String, Object> fields = new HashMap<>(Map.of("actor", "KOR"));
        Fact fact = Fact.of("EngagementPolicy", fields);

        fields.put("actor", "PRK");

        assertThat(fact.get("actor")).isEqualTo("KOR");
        assertThatThrownBy(() -> fact.fields().put("actor", "USA")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void matches_type_and_the_listed_fields_only() {
        Fact fact = Fixtures.transfer("ammunition");

        assertThat(fact.matches("ArmsTransfer", Map.of("category", "ammunition"))).isTrue();
        assertThat(fact.matches("ArmsTransfer", Map.of())).isTrue();
        assertThat(fact.matches("ArmsTransfer", Map.of("category", "precision-weapons"))).isFalse();
        assertThat(fact.matches("TechnologyTransfer", Map.of())).isFalse();
    }

    @Test
    void facts_sort_by_type_then_fields() {
        Fact a = Fixtures.transfer("ammunition");
        Fact b = Fixtures.transfer("precision-weapons");
        Fact c = Fact.of("AidRestraintLifted", Map.of("actor", "KOR", "recipient", "UKR"));

        assertThat(java.util.stream.Stream.of(b, c, a).sorted()).containsExactly(c, a, b);
    }

    @Test
    void integers_sort_as_numbers_and_absent_values_first() {
        Fact.Shape shape = Fact.Shape.of("Counter", java.util.List.of("n"));
        Fact nine = shape.fact(9);
        Fact ten = shape.fact(10);
        Fact none = shape.fact((Object) null);

        assertThat(java.util.stream.Stream.of(ten, nine, none).sorted()).containsExactly(none, nine, ten);
    }

    @Test
    void a_fact_made_from_a_shape_equals_the_same_fact_made_from_a_map() {
        Fact.Shape shape = Fact.Shape.of("ArmsTransfer", java.util.List.of("supplier", "recipient", "category"));

        Fact fromShape = shape.fact("ammunition", "PRK", "RUS");

        assertThat(shape.fields()).containsExactly("category", "recipient", "supplier");
        assertThat(fromShape).isEqualTo(Fixtures.transfer("ammunition")).hasSameHashCodeAs(Fixtures.transfer("ammunition"));
        assertThat(fromShape.compareTo(Fixtures.transfer("ammunition"))).isZero();
        assertThat(fromShape.fields()).containsExactly(Map.entry("category", "ammunition"),
                Map.entry("recipient", "PRK"), Map.entry("supplier", "RUS"));
        assertThat(fromShape.get("recipient")).isEqualTo("PRK");
        assertThat(fromShape.get("quantity")).isNull();
    }

    @Test
    void a_shape_copies_the_values_it_is_given_and_refuses_the_wrong_number() {
        Fact.Shape shape = Fact.Shape.of("EngagementPolicy", java.util.List.of("actor"));
        Object[] values = {"KOR"};
        Fact fact = shape.fact(values);

        values[0] = "PRK";

        assertThat(fact.get("actor")).isEqualTo("KOR");
        assertThatThrownBy(() -> shape.fact("KOR", "PRK")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 fields, got 2");
        assertThatThrownBy(() -> Fact.Shape.of("T", java.util.List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' named twice");
    }

    @Test
    void fields_follow_name_order_even_from_a_map_with_another_comparator() {
        java.util.SortedMap<String, Object> reversed = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.put("actor", "KOR");
        reversed.put("recipient", "UKR");

        Fact fact = new Fact("AidRestraintLifted", reversed);

        assertThat(fact).hasToString("AidRestraintLifted(actor=KOR, recipient=UKR)");
        assertThat(fact.get("recipient")).isEqualTo("UKR");
    }
}
