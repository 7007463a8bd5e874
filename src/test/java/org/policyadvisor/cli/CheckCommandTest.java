package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Fixtures;

class CheckCommandTest {

    private static final String TYPES = """
            package t;
            declare Cause
                actor : String @key
            end
            declare Effect
                actor : String @key
            end
            """;

    private static final String ACTORS = "code,name\nRUS,Russia\n";

    private static final String SOURCE = """
            id: src
            title: A test source
            publisher: Test Press
            author: A. Writer
            date: 2024-06-20
            url: https://example.org/src
            retrieved: 2024-06-21
            text: excerpt
            grade: B2
            ---
            As everyone knows, the cause leads on.
            """;

    private static String claim(String id, String source, String then) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\") @source(\"" + source + "\") @quote(\"the cause leads on\")"
                + " @hedge(\"may\")\nwhen\n    Cause($a : actor)\nthen\n    " + then + "\nend\n";
    }

    private static String lastLine(String out) {
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void the_shipped_rules_have_no_errors() {
        CliRun run = CliRun.of("check", "--rules", Fixtures.repo().resolve("rules").toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain(": error: ");
        assertThat(lastLine(run.out())).matches("0 errors, \\d+ warnings?");
    }

    @Test
    void the_packaged_rules_are_checked_by_default() {
        CliRun run = CliRun.of("check");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(lastLine(run.out())).startsWith("0 errors, ");
    }

    @Test
    void a_syntax_error_appended_to_a_rule_file_names_that_file_and_line(@TempDir Path dir) throws IOException {
        Path rules = Fixtures.copyTree(Fixtures.repo().resolve("rules"), dir.resolve("rules"));
        Path treaty = rules.resolve("treaty.drl");
        long lines = Files.readAllLines(treaty).size();
        Files.writeString(treaty, Files.readString(treaty) + "\nrule \"Broken\"\nwhen\n    TreatySigned(partyA == )\nthen\nend\n");

        CliRun run = CliRun.of("check", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(treaty + ":" + (lines + 4) + ":");
        assertThat(run.out().lines().filter(l -> l.contains(": error: ")))
                .allSatisfy(l -> assertThat(l).startsWith(treaty.toString()));
        assertThat(lastLine(run.out())).matches("[1-9]\\d* errors?, \\d+ warnings?");
    }

    @Test
    void a_rule_whose_action_calls_system_exit_is_refused_by_the_grammar_naming_the_call() {
        Path rules = Fixtures.rulesDir(Map.of("vocabulary.drl", TYPES, "actors.csv", ACTORS, "sources/src.txt", SOURCE,
                "claims.drl", "package t;\n" + claim("quits", "src", "System.exit(0);")));

        CliRun run = CliRun.of("check", "--rules", rules.toString(), "--facts", rules.resolve("none").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(rules.resolve("claims.drl") + ":7:5: error: the call 'System.exit(...)' is not"
                + " part of the claim language; a conclusion is insertLogical(new Type(arg, ...)); with literal or"
                + " $variable arguments [quits]\n");
        assertThat(lastLine(run.out())).isEqualTo("1 error, 0 warnings");
    }

    @Test
    void warnings_alone_do_not_fail(@TempDir Path dir) {
        Path rules = Fixtures.rulesDir(Map.of("vocabulary.drl", TYPES, "actors.csv", ACTORS, "sources/src.txt", SOURCE,
                "claims.drl", "package t;\n" + claim("leads-on", "src", "insertLogical(new Effect($a));")));

        CliRun run = CliRun.of("check", "--rules", rules.toString(), "--facts", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(rules.resolve("vocabulary.drl") + ":5:1: warning: consequence type Effect is "
                + "concluded by leads-on but no rule uses it as a condition and no scenario expects it\n"
                + "0 errors, 1 warning\n");
    }

    @Test
    void a_type_that_a_scenario_expects_counts_as_used(@TempDir Path dir) throws IOException {
        Path rules = Fixtures.rulesDir(Map.of("vocabulary.drl", TYPES, "actors.csv", ACTORS, "sources/src.txt", SOURCE,
                "claims.drl", "package t;\n" + claim("leads-on", "src", "insertLogical(new Effect($a));")));
        Files.writeString(dir.resolve("s.json"), "{\"facts\": [], \"expect\": {\"follows\": [{\"type\": \"Effect\"}]}}");

        CliRun run = CliRun.of("check", "--rules", rules.toString(), "--facts", dir.toString());

        assertThat(run.out()).isEqualTo("0 errors, 0 warnings\n");
    }

    @Test
    void quotes_are_found_in_a_source_given_on_the_command_line(@TempDir Path dir) throws IOException {
        Path rules = Fixtures.rulesDir(Map.of("vocabulary.drl", TYPES, "actors.csv", ACTORS,
                "claims.drl", "package t;\nrule \"R\" @id(\"r\") @source(\"new-article\") @quote(\"the cause leads on\")"
                        + " @hedge(\"may\") when Cause() then insertLogical(new Effect(\"x\")); end\n"));
        Files.writeString(dir.resolve("s.json"), "{\"facts\": [], \"expect\": {\"follows\": [{\"type\": \"Effect\"}]}}");
        Path article = dir.resolve("new-article.txt");
        Files.writeString(article, "Analysts agree that\nthe cause   leads on.");

        CliRun without = CliRun.of("check", "--rules", rules.toString(), "--facts", dir.toString());
        CliRun with = CliRun.of("check", "--rules", rules.toString(), "--facts", dir.toString(), "--source", article.toString());

        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.out()).contains("error: unknown source 'new-article'");
        assertThat(with.exitCode()).as(with.out()).isZero();
        assertThat(with.out()).isEqualTo("0 errors, 0 warnings\n");
    }

    @Test
    void an_unreadable_source_file_is_one_error_line(@TempDir Path dir) {
        CliRun run = CliRun.of("check", "--source", dir.resolve("missing.txt").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("error: cannot read --source ");
    }
}
