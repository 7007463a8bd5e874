package org.policyadvisor.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.MalformedInputException;

class JsonTest {

    private static String problem(String text) {
        try {
            Json.parse(text, "body");
        } catch (MalformedInputException e) {
            return e.problems().get(0).where() + " " + e.problems().get(0).message();
        }
        throw new AssertionError("parsed: " + text);
    }

    @Test
    @DisplayName("a bracket closed by the wrong one names where it was opened, without Jackson's notes")
    void wrong_close_names_the_opening() {
        assertThat(problem("{\"facts\": [}"))
                .isEqualTo("body:1:12 Unexpected close marker '}': expected ']' (opened at line 1, column 11)");
    }

    @Test
    @DisplayName("a document that ends early names the bracket left open")
    void early_end_names_the_opening() {
        assertThat(problem("{\"facts\": [1, 2"))
                .isEqualTo("body:1:16 Unexpected end-of-input: expected close marker for Array (opened at line 1, column 11)");
    }

    @Test
    @DisplayName("too deep a document says how deep, without naming the parser's settings")
    void too_deep() {
        String message = problem("[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1));

        assertThat(message).isEqualTo("body Document nesting depth 65 exceeds the maximum allowed, 64");
    }

    @Test
    @DisplayName("a duplicate key and a trailing token are located")
    void duplicate_and_trailing() {
        assertThat(problem("{\"a\": 1, \"a\": 2}")).isEqualTo("body:1:13 Duplicate field 'a'");
        assertThat(problem("{\"a\": 1} x")).startsWith("body:1:11 Unrecognized token 'x'").doesNotContain("Source");
    }

    @Test
    @DisplayName("an empty document is refused as such")
    void empty() {
        assertThat(problem("  ")).isEqualTo("body empty document; expected a JSON object");
    }
}
