package org.policyadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;
import org.policyadvisor.Source;
import org.policyadvisor.check.CheckReport;
import org.policyadvisor.check.Diagnostic;

/** Each lint of {@code check}, on a small rules directory written for it. */
class RuleCheckTest {

    private static final String TYPES = """
            package t;
            declare Cause
                actor : String @key
            end
            declare Effect
                actor : String @key
            end
            declare Outcome
                actor : String @key
            end
            """;

    private static final String ACTORS = "code,name\nRUS,Russia\nPRK,North Korea\n";

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
            The cause leads to the effect.
            The effect, in turn,   leads to
            the outcome.
            """;

    private static String rule(String name, String meta, String when, String then) {
        return "rule \"" + name + "\"\n    " + meta + "\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static String claim(String id, String quote, String when, String then) {
        return rule(id, "@id(\"" + id + "\") @source(\"src\") @quote(\"" + quote + "\") @hedge(\"may\")", when, then);
    }

    private static final String CAUSE_TO_EFFECT = claim("cause-effect", "The cause leads to the effect",
            "Cause($a : actor)", "insertLogical(new Effect($a));");
    private static final String EFFECT_TO_OUTCOME = claim("effect-outcome", "leads to the outcome",
            "Effect($a : actor)", "insertLogical(new Outcome($a));");

    private static Map<String, String> base(String claims) {
        Map<String, String> files = new HashMap<>();
        files.put("vocabulary.drl", TYPES);
        files.put("actors.csv", ACTORS);
        files.put("sources/src.txt", SOURCE);
        files.put("claims.drl", "package t;\n\n" + claims);
        return files;
    }

    private static CheckReport check(Map<String, String> files) {
        return check(files, Optional.empty(), Set.of("Outcome"));
    }

    private static CheckReport check(Map<String, String> files, Optional<Source> given, Set<String> expected) {
        return RuleCheck.report(RuleSources.fromDirectory(Fixtures.rulesDir(files)), given, expected);
    }

    private static List<String> lines(CheckReport report) {
        return report.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void a_sound_rule_base_has_nothing_to_report() {
        CheckReport report = check(base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME));

        assertThat(lines(report)).isEmpty();
        assertThat(report.summary()).isEqualTo("0 errors, 0 warnings");
    }

    @Test
    void a_plain_insert_is_an_error_at_its_position_but_not_in_a_comment_or_a_string() {
        CheckReport report = check(base(CAUSE_TO_EFFECT
                + claim("effect-outcome", "leads to the outcome", "Effect($a : actor)",
                        "// insert(new Outcome($a)) would stay\n    insertLogical(new Outcome(\"insert(x)\"));\n"
                                + "    insert(new Outcome($a));")));

        assertThat(lines(report)).containsExactly("claims.drl:17:5: error: insert(...) keeps what it concludes when its"
                + " premises are withdrawn; use insertLogical(...) [effect-outcome]");
    }

    @Test
    void a_syntax_error_names_its_file_and_line_and_hides_nothing_in_other_files() {
        Map<String, String> files = base(claim("no-quote", "", "Cause($a : actor)", "insertLogical(new Effect($a));")
                + EFFECT_TO_OUTCOME);
        files.put("broken.drl", "package t;\n\nrule \"Broken\"\nwhen\n    Cause(actor == )\nthen\nend\n");

        CheckReport report = check(files);

        assertThat(lines(report)).anySatisfy(l -> assertThat(l).startsWith("broken.drl:5:").contains(": error: "));
        assertThat(lines(report)).contains("claims.drl:3:1: error: rule 'no-quote' has no @quote [no-quote]");
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void code_in_an_action_is_refused_by_the_grammar_naming_the_call_even_when_another_file_does_not_parse() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + claim("quits", "leads to the outcome",
                "Effect($a : actor)", "System.exit(0);") + EFFECT_TO_OUTCOME);
        files.put("broken.drl", "package t;\nrule \"Broken\" when Nope( then end\n");

        CheckReport report = check(files);

        assertThat(lines(report)).contains("claims.drl:15:5: error: the call 'System.exit(...)' is not part of the claim"
                + " language; a conclusion is insertLogical(new Type(arg, ...)); with literal or $variable arguments"
                + " [quits]");
        assertThat(lines(report)).anySatisfy(l -> assertThat(l).startsWith("broken.drl:2:"))
                .as("no errors echoed from the broken file into the others").hasSize(2);
    }

    @Test
    void missing_id_quote_and_hedge_are_each_reported() {
        String effect = "insertLogical(new Effect(\"x\"));";
        CheckReport report = check(base(
                rule("Anonymous", "@source(\"src\") @quote(\"The cause\") @hedge(\"may\")", "Cause()", effect)
                        + rule("Unquoted", "@id(\"unquoted\") @hedge(\"may\")", "Cause()", effect)
                        + rule("Unhedged", "@id(\"unhedged\") @source(\"src\") @quote(\"The cause\")", "Cause()", effect)
                        + rule("Odd", "@id(\"odd\") @source(\"src\") @quote(\"The cause\") @hedge(\"perhaps\")", "Cause()",
                                effect)));

        assertThat(lines(report)).contains(
                "claims.drl:3:1: error: rule 'Anonymous' has no @id",
                "claims.drl:10:1: error: rule 'Unquoted' has no @quote [unquoted]",
                "claims.drl:17:1: error: rule 'Unhedged' has no @hedge; expected one of "
                        + "stated, will, expected, likely, may, could, alleged [unhedged]",
                "claims.drl:25:51: error: rule 'Odd' has unknown @hedge(\"perhaps\"); expected one of "
                        + "stated, will, expected, likely, may, could, alleged [odd]");
    }

    @Test
    void a_duplicate_id_points_at_the_second_id_and_names_the_first_rule() {
        CheckReport report = check(base(CAUSE_TO_EFFECT + rule("Same id",
                "@id(\"cause-effect\") @source(\"src\") @quote(\"leads to the outcome\") @hedge(\"may\")",
                "Effect($a : actor)", "insertLogical(new Outcome($a));")));

        assertThat(lines(report)).containsExactly("claims.drl:11:5: error: duplicate @id(\"cause-effect\"): "
                + "rule 'cause-effect' at claims.drl:3 has it too [cause-effect]");
    }

    @Test
    void a_quote_must_be_verbatim_in_its_cited_source_with_whitespace_collapsed() {
        CheckReport report = check(base(CAUSE_TO_EFFECT
                + claim("effect-outcome", "The effect, in turn, leads to the outcome", "Effect($a : actor)",
                        "insertLogical(new Outcome($a));")
                + claim("misquoted", "The cause leads to an effect", "Cause($a : actor)",
                        "insertLogical(new Outcome($a));")));

        assertThat(lines(report)).containsExactly("claims.drl:18:37: error: quote not found verbatim in source 'src'; "
                + "it matches up to \"The cause leads to \", then has \"an effect\" [misquoted]");
    }

    @Test
    void citing_a_source_that_is_not_kept_with_the_rules_is_an_error() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + rule("elsewhere",
                "@id(\"elsewhere\") @source(\"other-article\") @quote(\"leads to the outcome\") @hedge(\"may\")",
                "Effect($a : actor)", "insertLogical(new Outcome($a));"));

        assertThat(lines(check(files))).containsExactly("claims.drl:11:22: error: unknown source 'other-article'; "
                + "expected one of src (add sources/other-article.txt, or give the text with --source) [elsewhere]");
    }

    @Test
    void a_text_given_with_source_stands_for_its_id_and_is_searched_for_every_quote() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + rule("elsewhere",
                "@id(\"elsewhere\") @source(\"other-article\") @quote(\"the outcome follows\") @hedge(\"may\")",
                "Effect($a : actor)", "insertLogical(new Outcome($a));"));
        Source article = Source.parse("other-article.txt", "Only then the outcome follows.");

        assertThat(lines(check(files, Optional.of(article), Set.of("Outcome")))).isEmpty();
        assertThat(lines(check(files, Optional.of(Source.parse("x.txt", "Nothing here.")), Set.of("Outcome"))))
                .anySatisfy(l -> assertThat(l).contains("unknown source 'other-article'"))
                .anySatisfy(l -> assertThat(l).contains("quote not found verbatim in the given source 'x'"));
    }

    @Test
    void a_consequence_type_nobody_uses_or_expects_is_a_warning_at_its_declaration() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME);

        CheckReport unexpected = check(files, Optional.empty(), Set.of());

        assertThat(lines(unexpected)).containsExactly("vocabulary.drl:8:1: warning: consequence type Outcome is concluded "
                + "by effect-outcome but no rule uses it as a condition and no scenario expects it");
        assertThat(unexpected.hasErrors()).isFalse();
        assertThat(lines(check(files, Optional.empty(), Set.of("Outcome")))).isEmpty();
    }

    @Test
    void a_cycle_is_reported_once_with_its_path_and_rules() {
        CheckReport report = check(base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME
                + claim("outcome-cause", "The cause", "Outcome($a : actor)", "insertLogical(new Cause($a));")
                + claim("outcome-outcome", "the outcome", "Outcome($a : actor, actor == \"X\")",
                        "insertLogical(new Outcome(\"Y\"));")));

        assertThat(lines(report)).containsExactly(
                "claims.drl:3:1: warning: cycle in the claim network: Cause -> Effect -> Outcome -> Cause "
                        + "(rules cause-effect, effect-outcome, outcome-cause) [cause-effect]",
                "claims.drl:24:1: warning: cycle in the claim network: Outcome -> Outcome (rules outcome-outcome) "
                        + "[outcome-outcome]");
    }

    @Test
    void opposite_types_concluded_from_the_same_premises_are_an_error() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME
                + claim("cause-no-effect", "The cause", "Cause($a : actor)", "insertLogical(new NoEffect($a));"));
        files.put("vocabulary.drl", TYPES + "declare NoEffect\n    @opposite(\"Effect\")\n    actor : String @key\nend\n");

        assertThat(lines(check(files, Optional.empty(), Set.of("Outcome", "NoEffect")))).containsExactly(
                "claims.drl:22:19: error: source 'src' contradicts itself: rule cause-no-effect concludes "
                + "new NoEffect($a), the opposite of new Effect($a) which rule cause-effect (claims.drl:3) concludes "
                + "from the same premises [cause-no-effect]");
    }

    @Test
    void opposite_conclusions_from_other_premises_or_from_another_source_are_no_contradiction() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME
                + claim("b-no-effect", "The cause", "Cause(actor == \"B\")", "insertLogical(new NoEffect(\"B\"));")
                + rule("other-no-effect", "@id(\"other-no-effect\") @source(\"other\") @quote(\"no effect\")"
                        + " @hedge(\"may\")", "Cause($a : actor)", "insertLogical(new NoEffect($a));"));
        files.put("vocabulary.drl", TYPES + "declare NoEffect\n    @opposite(\"Effect\")\n    actor : String @key\nend\n");
        files.put("sources/other.txt", SOURCE.replace("id: src", "id: other")
                .replace("The cause leads to the effect.", "The cause has no effect."));

        assertThat(lines(check(files, Optional.empty(), Set.of("Outcome", "NoEffect"))))
                .as("another premise, or another source that disagrees (a contested pair), is not a contradiction")
                .isEmpty();
    }

    @Test
    void an_opposite_that_names_no_type_is_an_error() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME);
        files.put("vocabulary.drl", TYPES + "declare Calm\n    @opposite(\"Tension\")\n    actor : String @key\nend\n");

        assertThat(lines(check(files))).containsExactly(
                "vocabulary.drl:11:1: error: @opposite(\"Tension\") of Calm names no declared type");
    }

    @Test
    void a_source_header_states_every_field_and_a_valid_grade() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME);
        files.put("sources/src.txt", SOURCE.replaceAll("(?m)^(publisher|url): .*\\n", "").replace("grade: B2", "grade: Z9"));

        assertThat(lines(check(files))).containsExactly(
                "sources/src.txt:1:1: error: source 'src' has grade 'Z9'; a grade is a reliability A-F and a"
                        + " credibility 1-6, as in B2",
                "sources/src.txt:1:1: error: source 'src' has no 'publisher:' in its header; a source states "
                        + Source.HEADER + " (write 'unknown' where it is not known)",
                "sources/src.txt:1:1: error: source 'src' has no 'url:' in its header; a source states "
                        + Source.HEADER + " (write 'unknown' where it is not known)");
    }

    @Test
    void claims_md_lists_every_rule_id_and_no_other() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME);
        files.put("CLAIMS.md", """
                # Claims

                | Claim | Rule id(s) |
                |---|---|
                | The cause leads to the effect | `cause-effect` |
                | The effect leads to nothing | `effect-nothing` |
                """);

        assertThat(lines(check(files))).containsExactly(
                "CLAIMS.md:6:1: error: CLAIMS.md lists rule effect-nothing, which no rule file has",
                "claims.drl:11:5: error: rule effect-outcome is not listed in CLAIMS.md (the Rule id(s) column of its"
                        + " source's section) [effect-outcome]");
    }

    @Test
    void readme_md_has_a_vocabulary_table_of_every_declared_type_and_no_other() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME);
        files.put("README.md", """
                # Rules

                | Type | Meaning |
                |---|---|
                | `Cause` | what starts it |
                | `Effect` | what follows |
                | `Aftermath` | what remains |
                """);

        assertThat(lines(check(files))).containsExactly(
                "README.md:7:1: error: the vocabulary table of README.md lists Aftermath, which the vocabulary does"
                        + " not declare",
                "vocabulary.drl:8:1: error: type Outcome is not in the vocabulary table of README.md");

        files.put("README.md", "# Rules\n\nNo table here.\n");
        assertThat(lines(check(files))).containsExactly(
                "README.md:1:1: error: README.md has no vocabulary table (a table whose first column is 'Type')");
    }

    @Test
    void types_are_declared_in_the_vocabulary_file_only_and_actors_are_listed() {
        Map<String, String> files = base(CAUSE_TO_EFFECT + EFFECT_TO_OUTCOME);
        files.remove("actors.csv");
        files.put("more.drl", "package t;\n\ndeclare Extra\n    actor : String @key\nend\n");

        assertThat(lines(check(files))).containsExactly(
                "actors.csv:1:1: error: no actor list: write the actor codes in actors.csv (code,name)",
                "more.drl:3:1: error: 'declare' belongs in vocabulary.drl; a rule file holds rules only");

        files.remove("more.drl");
        files.put("types.drl", files.remove("vocabulary.drl"));
        assertThat(lines(check(files))).contains(
                "types.drl:2:1: error: 'declare' belongs in vocabulary.drl; a rule file holds rules only",
                "vocabulary.drl:1:1: error: no vocabulary file: declare the fact types in vocabulary.drl");
    }

    @Test
    void a_directory_without_rule_files_is_one_error() {
        CheckReport report = check(Map.of("README.md", "nothing"));

        assertThat(report.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("no rule files"));
    }
}
