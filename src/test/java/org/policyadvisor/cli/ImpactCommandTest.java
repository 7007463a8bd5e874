package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Fixtures;
import org.policyadvisor.json.Json;

class ImpactCommandTest {

    private static final String LETHAL = "LethalAidConsidered(recipient=UKR, supplier=KOR)";

    @Test
    void one_hedge_changed_names_the_consequences_whose_likelihood_changed_and_their_scenarios(@TempDir Path dir)
            throws IOException {
        Path mini = Fixtures.miniDir();
        Path copy = dir.resolve("rules");
        Fixtures.copyTree(mini.resolve("rules"), copy);
        Fixtures.copyTree(mini.resolve("facts"), dir.resolve("facts"));
        replace(copy.resolve("claims.drl"), "@hedge(\"likely\")", "@hedge(\"may\")");

        CliRun run = CliRun.of("impact", "--old", mini.resolve("rules").toString(), "--rules", copy.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Rules that differ (1):\n  changed  unbound-lethal: hedge likely -> may\n")
                .contains("  changed  " + LETHAL + " in ")
                .contains("changed " + LETHAL + ": 0.63 -> 0.45")
                .contains("because rule unbound-lethal (likely = 0.7)")
                .contains("because rule unbound-lethal (may = 0.5)")
                .contains(" 0 regressions.");
        String touched = run.out().lines().filter(l -> l.startsWith("  changed  " + LETHAL + " in "))
                .findFirst().orElseThrow();
        assertThat(touched).contains("base", "precision").doesNotContain("withdrawn");
    }

    @Test
    void a_regression_in_an_expect_block_exits_1(@TempDir Path dir) throws IOException {
        Path mini = Fixtures.miniDir();
        Path copy = dir.resolve("rules");
        Fixtures.copyTree(mini.resolve("rules"), copy);
        String claims = Files.readString(copy.resolve("claims.drl"));
        // Without the claim precision.json names in its expect block.
        int start = claims.indexOf("rule \"Precision weapons unbind Seoul\"");
        int end = claims.indexOf("end\n", start) + 4;
        Files.writeString(copy.resolve("claims.drl"), claims.substring(0, start) + claims.substring(end));

        CliRun run = CliRun.of("impact", "--old", mini.resolve("rules").toString(), "--rules", copy.toString(),
                "--facts", mini.resolve("facts").toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.at("/rules/removed/0").asText()).isEqualTo("pw-unbind");
        assertThat(json.get("regressions")).extracting(JsonNode::asText).containsExactly("precision");
        JsonNode precision = json.at("/scenarios/1");
        assertThat(precision.get("name").asText()).isEqualTo("precision");
        assertThat(precision.get("passedBefore").asBoolean()).isTrue();
        assertThat(precision.get("failures").toString()).contains("no rule with id 'pw-unbind'");
        // Seoul unbound: by the precision claim and twice by the claim on any transfer before, by the latter after.
        assertThat(precision.at("/changed/0/explanationBefore/derivations")).hasSize(3);
        assertThat(precision.at("/changed/0/explanationAfter/derivations")).hasSize(2);
    }

    @Test
    void old_rules_may_be_a_git_revision_of_the_rules_directory(@TempDir Path dir) throws Exception {
        Path mini = Fixtures.miniDir();
        Path rules = dir.resolve("rules");
        Fixtures.copyTree(mini.resolve("rules"), rules);
        Fixtures.copyTree(mini.resolve("facts"), dir.resolve("facts"));
        git(dir, "init", "-q");
        git(dir, "add", ".");
        git(dir, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "rules");
        replace(rules.resolve("claims.drl"), "@hedge(\"will\")", "@hedge(\"expected\")");

        CliRun run = CliRun.of("impact", "--old", "HEAD", "--rules", rules.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  changed  pw-unbind: hedge will -> expected")
                .contains("  changed  AidRestraintLifted(actor=KOR, recipient=UKR) in precision");

        CliRun unknown = CliRun.of("impact", "--old", "no-such-revision", "--rules", rules.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no-such-revision");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }
}
