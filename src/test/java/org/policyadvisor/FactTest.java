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
        Map<String, Object> absent = new HashMap<>();
        absent.put("n", null);
        Fact nine = Fact.of("Counter", Map.of("n", 9));
        Fact ten = Fact.of("Counter", Map.of("n", 10));
        Fact none = Fact.of("Counter", absent);

        assertThat(java.util.stream.Stream.of(ten, nine, none).sorted()).containsExactly(none, nine, ten);
    }

    @Test
    void facts_with_the_same_type_and_values_are_equal_whatever_the_order_they_were_given_in() {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("supplier", "RUS");
        fields.put("recipient", "PRK");
        fields.put("category", "ammunition");

        Fact fact = Fact.of("ArmsTransfer", fields);

        assertThat(fact).isEqualTo(Fixtures.transfer("ammunition")).hasSameHashCodeAs(Fixtures.transfer("ammunition"));
        assertThat(fact.compareTo(Fixtures.transfer("ammunition"))).isZero();
        assertThat(fact.fields()).containsExactly(Map.entry("category", "ammunition"),
                Map.entry("recipient", "PRK"), Map.entry("supplier", "RUS"));
        assertThat(fact.get("recipient")).isEqualTo("PRK");
        assertThat(fact.get("quantity")).isNull();
    }

    @Test
    void a_fact_with_fewer_fields_sorts_first_when_the_others_are_equal() {
        Fact one = Fact.of("T", Map.of("a", "x"));
        Fact two = Fact.of("T", Map.of("a", "x", "b", "y"));

        assertThat(one.compareTo(two)).isNegative();
        assertThat(two.compareTo(one)).isPositive();
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
