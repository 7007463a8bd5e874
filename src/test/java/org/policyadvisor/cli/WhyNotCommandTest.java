package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Fixtures;
import org.policyadvisor.json.Json;

class WhyNotCommandTest {

    private static final Pattern README_EXAMPLE = Pattern.compile(
            "<!-- example: why-not -->\\s*```\\ntarget/policy-advisor (why-not [^\\n]*)\\n```\\s*```\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern ARG = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    private static final String PRECISION_TRANSFER =
            "ArmsTransfer(category=precision-weapons, recipient=PRK, supplier=RUS)";

    private final String rules = Fixtures.miniDir().resolve("rules").toString();
    private final String facts = Fixtures.miniDir().resolve("facts").toString();
    /** The mini base with its one transfer withdrawn: nothing given. */
    private final String nothing = Fixtures.miniDir().resolve("facts/withdrawn.json").toString();

    private static String engaged(Path dir) throws IOException {
        Path file = dir.resolve("engaged.json");
        Files.writeString(file, """
                {"description": "Ammunition, and Seoul keeps engaging",
                 "facts": [{"type": "ArmsTransfer", "supplier": "RUS", "recipient": "PRK", "category": "ammunition"},
                           {"type": "EngagementPolicy", "actor": "KOR"}]}
                """);
        return file.toString();
    }

    @Test
    void a_consequence_that_does_not_follow_shows_its_rules_missing_premises_and_the_checked_set() {
        CliRun run = CliRun.of("why-not", "--rules", rules, nothing, "AidRestraintLifted(actor=KOR, recipient=UKR)");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Why not AidRestraintLifted(actor=KOR, recipient=UKR)?")
                .contains("It does not follow.")
                .contains("pw-unbind (will = 0.9)")
                .contains("\u201cthe country will not be bound\u201d [mini]")
                .contains("missing    " + PRECISION_TRANSFER + ": no rule concludes it; assert it")
                .contains("To make it follow, assert one of (smallest first):\n  1. " + PRECISION_TRANSFER + "\n"
                        + "     checked: with this, it follows");
    }

    @Test
    void a_bare_type_is_enough_to_ask() {
        CliRun run = CliRun.of("why-not", "--rules", rules, "--format", "json", nothing, "AidRestraintLifted");

        assertThat(run.exitCode()).isZero();
        JsonNode json = read(run);
        List<String> rules = new java.util.ArrayList<>();
        json.get("rules").forEach(r -> rules.add(r.get("rule").asText()));
        assertThat(rules).containsExactlyInAnyOrder("pw-unbind", "any-unbind");
        assertThat(json.at("/options/0/facts/0/fields/category").asText()).isEqualTo("precision-weapons");
        assertThat(json.at("/options/0/facts/0/fields/recipient").asText()).isEqualTo("PRK");
    }

    @Test
    void text_output_shows_each_rule_with_quote_and_hedge_each_premise_and_the_sets(@TempDir Path dir)
            throws IOException {
        CliRun run = CliRun.of("why-not", "--rules", rules, engaged(dir), "LethalAidConsidered(recipient=UKR)");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("unbound-lethal (likely = 0.7) concludes LethalAidConsidered(recipient=UKR, supplier=KOR)")
                .contains("\u201clikely to consider providing\u201d [mini]")
                .contains("satisfied  AidRestraintLifted(actor=KOR, recipient=UKR): [c1] AidRestraintLifted(actor=KOR, recipient=UKR)")
                .contains("blocked    no EngagementPolicy(actor=KOR): present as [g2] given EngagementPolicy(actor=KOR)")
                .contains("  1. nothing, and withdraw [g2] given EngagementPolicy(actor=KOR)\n"
                        + "     checked: with this, it follows");
    }

    @Test
    void a_chain_is_followed_back_with_the_smallest_sets_first() {
        CliRun run = CliRun.of("why-not", "--rules", rules, facts + "/withdrawn.json", "LethalAidConsidered");

        assertThat(run.out())
                .contains("missing    AidRestraintLifted(actor=KOR): could follow from")
                .contains("      any-unbind (may = 0.5) concludes AidRestraintLifted(actor=KOR, recipient=UKR)")
                .contains("        missing    ArmsTransfer(recipient=PRK): no rule concludes it; assert it")
                .contains("  1. " + PRECISION_TRANSFER + "\n     checked: with this, it follows\n"
                        + "  2. ArmsTransfer(recipient=PRK)\n     not checked: fill in the open fields, then run what-if");
    }

    @Test
    void json_output_has_stable_fields(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("why-not", "--rules", rules, "--format", "json", engaged(dir),
                "{\"type\": \"LethalAidConsidered\", \"supplier\": \"KOR\"}");

        JsonNode json = read(run);
        assertThat(json.get("status").asText()).isEqualTo("does-not-follow");
        assertThat(json.at("/consequence/type").asText()).isEqualTo("LethalAidConsidered");
        assertThat(json.at("/consequence/fields/supplier").asText()).isEqualTo("KOR");
        JsonNode rule = json.at("/rules/0");
        assertThat(rule.get("rule").asText()).isEqualTo("unbound-lethal");
        assertThat(rule.get("hedge").asText()).isEqualTo("likely");
        assertThat(rule.get("quote").asText()).isEqualTo("likely to consider providing");
        assertThat(rule.at("/premises/0/status").asText()).isEqualTo("satisfied");
        assertThat(rule.at("/premises/0/facts/0/id").asText()).isEqualTo("c1");
        assertThat(rule.at("/premises/1/status").asText()).isEqualTo("blocked");
        assertThat(rule.at("/premises/1/absent").asBoolean()).isTrue();
        assertThat(rule.at("/premises/1/facts/0/type").asText()).isEqualTo("EngagementPolicy");
        assertThat(rule.at("/premises/1/facts/0/given").asBoolean()).isTrue();
        assertThat(json.at("/options/0/facts")).isEmpty();
        assertThat(json.at("/options/0/withdraw/0/id").asText()).isEqualTo("g2");
        assertThat(json.at("/options/0/check").asText()).isEqualTo("follows");
        assertThat(json.at("/bounds/depth").asInt()).isEqualTo(8);
        assertThat(json.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void a_consequence_that_follows_is_said_to_follow() {
        CliRun run = CliRun.of("why-not", "--rules", rules, facts + "/precision.json", "LethalAidConsidered");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("It follows (what-if shows the full explanation):\n"
                + "  [c2] LethalAidConsidered(recipient=UKR, supplier=KOR), by rule unbound-lethal");
    }

    @Test
    void an_unknown_type_is_one_line_with_the_types_expected() {
        CliRun run = CliRun.of("why-not", "--rules", rules, facts + "/base.json", "Nope(actor=KOR)");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("error: invalid facts: consequence.type: unknown fact type 'Nope';"
                + " expected one of AidRestraintLifted, ArmsTransfer, EngagementPolicy, LethalAidConsidered [invalid_facts]");
    }

    @Test
    void an_unknown_field_or_bad_syntax_is_one_line() {
        CliRun field = CliRun.of("why-not", "--rules", rules, facts + "/base.json", "AidRestraintLifted(giver=KOR)");
        assertThat(field.exitCode()).isEqualTo(1);
        assertThat(field.err().lines()).singleElement().asString()
                .startsWith("error: invalid facts: consequence.giver: unknown field of AidRestraintLifted");

        CliRun syntax = CliRun.of("why-not", "--rules", rules, facts + "/base.json", "AidRestraintLifted(actor");
        assertThat(syntax.exitCode()).isEqualTo(1);
        assertThat(syntax.err().lines()).singleElement().asString().startsWith("error: invalid facts: consequence: expected");
    }

    @Test
    void the_readme_example_prints_what_the_readme_shows() throws IOException {
        Matcher m = README_EXAMPLE.matcher(Files.readString(Fixtures.repo().resolve("README.md")));
        assertThat(m.find()).as("README has the why-not example and its output").isTrue();
        List<String> args = new ArrayList<>();
        Matcher arg = ARG.matcher(m.group(1));
        while (arg.find()) {
            args.add(arg.group(1) != null ? arg.group(1) : arg.group(2));
        }

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(m.group(2));
    }

    private static JsonNode read(CliRun run) {
        try {
            return Json.mapper().readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError(run.err(), e);
        }
    }
}
