package org.policyadvisor.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.ErrorCode;
import org.policyadvisor.Fixtures;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.MalformedInputException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;

class ScenarioReaderTest {

    private final Path facts = Fixtures.miniDir().resolve("facts");
    private final ScenarioReader reader = new ScenarioReader(Fixtures.mini().vocabulary(), facts);

    private static Problem only(AdvisorException e) {
        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void extends_merges_the_parent_facts_and_keeps_the_parent_as_base() {
        ScenarioFile file = reader.byName("precision");

        assertThat(file.scenario().facts()).hasSize(2);
        assertThat(file.base()).hasValueSatisfying(b -> assertThat(b.name()).isEqualTo("base"));
        assertThat(file.expectations().derivedBy()).hasSize(1);
    }

    @Test
    void withdraw_removes_a_fact_of_the_parent() {
        ScenarioFile file = reader.byName("withdrawn");

        assertThat(file.scenario().facts()).isEmpty();
        assertThat(file.expectations().removed()).hasSize(1);
    }

    @Test
    void withdrawing_a_fact_the_parent_lacks_is_an_error_with_its_path() {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class, () -> reader.parse("""
                {"extends": "base", "withdraw": [
                  {"type": "ArmsTransfer", "supplier": "RUS", "recipient": "PRK", "category": "precision-weapons"}]}
                """, "w"));

        assertThat(only(e).where()).isEqualTo("withdraw[0]");
    }

    @Test
    void malformed_json_gives_line_and_column() {
        MalformedInputException e = catchThrowableOfType(MalformedInputException.class,
                () -> reader.parse("{\"facts\": [\n  {\"type\": \"ArmsTransfer\",, }]}", "broken.json"));

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(only(e).where()).isEqualTo("broken.json:2:27");
    }

    @Test
    void deep_nesting_is_refused_while_parsing() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        MalformedInputException e = catchThrowableOfType(MalformedInputException.class, () -> reader.parse(deep, "deep"));

        assertThat(only(e).message()).contains("nesting depth");
    }

    @Test
    void a_json_array_is_not_a_scenario() {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class, () -> reader.parse("[]", "a"));

        assertThat(only(e).message()).contains("expected a JSON object");
    }

    @Test
    void paths_point_at_the_original_array_position_even_after_a_shapeless_fact() {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class, () -> reader.parse("""
                {"facts": [42, {"type": "ArmsTransfer", "supplier": "RUS", "recipient": "PRK", "category": "tanks"}]}
                """, "s"));

        assertThat(e.problems()).extracting(Problem::where).containsExactly("facts[0]", "facts[1].category");
    }

    @Test
    void a_fact_without_type_is_named() {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class,
                () -> reader.parse("{\"facts\": [{\"supplier\": \"RUS\"}]}", "s"));

        assertThat(only(e).toString()).isEqualTo("facts[0].type: missing fact type");
    }

    @Test
    void expectations_must_name_known_types_and_fields() {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class, () -> reader.parse("""
                {"facts": [], "expect": {"absent": [{"type": "LethalAid"}],
                 "follows": [{"type": "LethalAidConsidered", "donor": "KOR"}]}}
                """, "s"));

        assertThat(e.problems()).extracting(Problem::where)
                .containsExactlyInAnyOrder("expect.absent[0].type", "expect.follows[0].donor");
    }

    @Test
    void unknown_top_level_keys_are_rejected() {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class,
                () -> reader.parse("{\"facts\": [], \"fact\": []}", "s"));

        assertThat(only(e).where()).isEqualTo("fact");
    }

    @Test
    void an_unknown_scenario_name_is_not_found() {
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> reader.byName("../etc/passwd"));

        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void names_lists_the_scenario_files_sorted() {
        assertThat(reader.names()).containsExactly("base", "precision", "withdrawn");
    }
}
