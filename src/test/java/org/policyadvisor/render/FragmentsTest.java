package org.policyadvisor.render;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Fragments: pieces of compact answer JSON")
class FragmentsTest {

    @Test
    @DisplayName("node ids in the encoded range open a node and refer to it, with a comma unless first")
    void encoded_ids() {
        assertThat(Fragments.open("g1", true).getValue()).isEqualTo("{\"id\":\"g1\"");
        assertThat(Fragments.open("c255", false).getValue()).isEqualTo(",{\"id\":\"c255\"");
        assertThat(Fragments.reference("c42", true).getValue()).isEqualTo("\"c42\"");
        assertThat(Fragments.reference("g9", false).getValue()).isEqualTo(",\"g9\"");
    }

    @Test
    @DisplayName("other ids are written as they are, quoted and escaped")
    void other_ids() {
        assertThat(Fragments.open("g256", false).getValue()).isEqualTo(",{\"id\":\"g256\"");
        assertThat(Fragments.open("g01", true).getValue()).isEqualTo("{\"id\":\"g01\"");
        assertThat(Fragments.reference("g0", true).getValue()).isEqualTo("\"g0\"");
        assertThat(Fragments.reference("x1", false).getValue()).isEqualTo(",\"x1\"");
        assertThat(Fragments.reference("c1a", true).getValue()).isEqualTo("\"c1a\"");
        assertThat(Fragments.reference("g\"1", true).getValue()).isEqualTo("\"g\\\"1\"");
    }

    @Test
    @DisplayName("likelihoods are rounded to three decimals, depths written as numbers, in range or not")
    void likelihood_and_depth() {
        assertThat(Fragments.likelihood(0.6).getValue()).isEqualTo(",\"likelihood\":0.6");
        assertThat(Fragments.likelihood(0.12345).getValue()).isEqualTo(",\"likelihood\":0.123");
        assertThat(Fragments.likelihood(1.0).getValue()).isEqualTo(",\"likelihood\":1.0");
        assertThat(Fragments.likelihood(2.5).getValue()).isEqualTo(",\"likelihood\":2.5");
        assertThat(Fragments.likelihoodValue(0.12345).getValue()).isEqualTo("0.123");
        assertThat(Fragments.likelihoodValue(0.0).getValue()).isEqualTo("0.0");
        assertThat(Fragments.likelihoodValue(-0.25).getValue()).isEqualTo("-0.25");
        assertThat(Fragments.depth(3).getValue()).isEqualTo(",\"depth\":3");
        assertThat(Fragments.depth(640).getValue()).isEqualTo(",\"depth\":640");
    }
}
