package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Fixtures;

/**
 * {@code check} holds every name and literal of a claim to the vocabulary, in conditions and in conclusions, and says
 * what it probably meant; a misspelling is an error at its line, never a rule that silently does not fire.
 */
class ClaimVocabularyTest {

    private static final String VOCABULARY = """
            package policy;

            declare TreatySigned
                @doc("Two states sign a treaty.")
                partyA : String @actor
                partyB : String @actor
            end

            declare ArmsTransfer
                @doc("One state supplies weapons to another.")
                supplier : String @actor
                recipient : String @actor
                category : String @values("precision-weapons|ammunition")
            end
            """;

    private static Path rules(String claims) {
        return Fixtures.rulesDir(Map.of(
                "vocabulary.drl", VOCABULARY,
                "actors.csv", "code,name\nRUS,Russia\nPRK,North Korea\nKOR,South Korea\n",
                "sources/src.txt", "id: src\ntitle: t\npublisher: p\nauthor: a\ndate: d\nurl: u\nretrieved: r\n"
                        + "text: whole\ngrade: B2\n---\nq\n",
                "claims.drl", "package policy;\n\n" + claims));
    }

    private static String claim(String id, String when, String then) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\") @source(\"src\") @quote(\"q\") @hedge(\"may\")\nwhen\n    "
                + when + "\nthen\n    " + then + "\nend\n\n";
    }

    @Test
    void misspelt_names_and_literals_are_errors_with_a_hint_at_their_line_in_conditions_and_conclusions() {
        Path dir = rules(
                claim("actor-in-condition", "TreatySigned(partyA == \"RUS\", partyB == \"PKR\")",
                        "insertLogical(new ArmsTransfer(\"RUS\", \"PRK\", \"ammunition\"));")
                + claim("value-in-condition", "ArmsTransfer(category == \"precision-weapon\")",
                        "insertLogical(new TreatySigned(\"RUS\", \"PRK\"));")
                + claim("type-in-condition", "TreatySinged(partyA == \"RUS\")",
                        "insertLogical(new TreatySigned(\"RUS\", \"PRK\"));")
                + claim("field-in-condition", "TreatySigned(partyb == \"PRK\")",
                        "insertLogical(new TreatySigned(\"RUS\", \"PRK\"));")
                + claim("actor-in-conclusion", "TreatySigned(partyA == \"RUS\")",
                        "insertLogical(new ArmsTransfer(\"RUS\", \"PKR\", \"ammunition\"));")
                + claim("value-in-conclusion", "TreatySigned(partyA == \"RUS\")",
                        "insertLogical(new ArmsTransfer(\"RUS\", \"PRK\", \"precision-weapon\"));")
                + claim("type-in-conclusion", "TreatySigned(partyA == \"RUS\")",
                        "insertLogical(new TreatySinged(\"RUS\", \"PRK\"));"));

        CliRun run = CliRun.of("check", "--rules", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(
                "claims.drl:6:35: error: TreatySigned.partyB: unknown actor 'PKR' (did you mean 'PRK'?)",
                "claims.drl:14:18: error: ArmsTransfer.category: 'precision-weapon' is not allowed (did you mean"
                        + " 'precision-weapons'?)",
                "claims.drl:22:5: error: unknown fact type 'TreatySinged' (did you mean 'TreatySigned'?)",
                "claims.drl:30:18: error: unknown field 'partyb' of TreatySigned (did you mean 'partyB'?)",
                "claims.drl:40:19: error: ArmsTransfer.recipient: unknown actor 'PKR' (did you mean 'PRK'?)",
                "claims.drl:48:19: error: ArmsTransfer.category: 'precision-weapon' is not allowed (did you mean"
                        + " 'precision-weapons'?)",
                "claims.drl:56:19: error: unknown fact type 'TreatySinged' (did you mean 'TreatySigned'?)");
    }

    @Test
    void a_variable_may_not_carry_a_value_into_a_field_that_does_not_accept_it() {
        Path dir = rules(claim("narrower", "ArmsTransfer($s : supplier, $c : category)",
                "insertLogical(new TreatySigned($s, $c));"));

        CliRun run = CliRun.of("check", "--rules", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("error: variable $c carries ArmsTransfer.category into TreatySigned.partyB,"
                + " which does not accept ammunition, precision-weapons [narrower]");
    }

    @Test
    void a_variable_used_before_it_is_bound_is_an_error() {
        Path dir = rules(claim("unbound", "TreatySigned(partyA == $a)", "insertLogical(new TreatySigned($a, \"PRK\"));"));

        CliRun run = CliRun.of("check", "--rules", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("claims.drl:6:18: error: variable $a is not bound before it is used")
                .containsOnlyOnce("variable $a");
    }
}
