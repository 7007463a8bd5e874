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
}
