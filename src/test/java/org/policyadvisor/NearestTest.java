package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NearestTest {

    private static List<String> words(String... words) {
        return List.of(words);
    }

    @Test
    void a_misspelt_word_finds_the_closest_known_one_whatever_its_case() {
        List<String> types = words("ArmedInvasion", "ArmsTransfer", "Sanctions", "StateVisit");

        assertThat(Nearest.of("ArmTransfer", types)).contains("ArmsTransfer");
        assertThat(Nearest.of("armstransfer", types)).contains("ArmsTransfer");
        assertThat(Nearest.of("Sanction", types)).contains("Sanctions");
    }

    @Test
    void nothing_is_suggested_when_no_word_is_close() {
        assertThat(Nearest.of("Invasion", words("ArmedInvasion", "Sanctions"))).isEmpty();
        assertThat(Nearest.of("XYZ", words("RUS", "PRK"))).isEmpty();
    }

    @Test
    void the_allowed_distance_grows_with_the_word() {
        assertThat(Nearest.of("RXY", words("RUS"))).isEmpty();
        assertThat(Nearest.of("RSU", words("RUS"))).as("two letters swapped count as one edit").contains("RUS");
        assertThat(Nearest.of("RUX", words("RUS"))).contains("RUS");
        assertThat(Nearest.of("precison-weapon", words("precision-weapons"))).contains("precision-weapons");
    }

    @Test
    void a_name_given_for_a_code_finds_the_code() {
        Map<String, String> actors = new LinkedHashMap<>();
        actors.put("KOR", "South Korea");
        actors.put("RUS", "Russia");

        assertThat(Nearest.of("Russia", actors)).contains("RUS");
        assertThat(Nearest.of("south korea", actors)).contains("KOR");
        assertThat(Nearest.hint(Nearest.of("Russia", actors))).isEqualTo(" (did you mean 'RUS'?)");
        assertThat(Nearest.hint(Nearest.of("Moscow", actors))).isEmpty();
    }

    @Test
    void a_tie_goes_to_the_first_candidate() {
        assertThat(Nearest.of("PRX", words("PRK", "PRY"))).contains("PRK");
        assertThat(Nearest.of("PRX", words("PRY", "PRK"))).contains("PRY");
    }
}
