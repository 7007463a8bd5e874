package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Fixtures;

/**
 * Follows "Adding a source and its claims" of rules/README.md to the letter, in a temporary copy of the rules and
 * scenarios: every file it says to create or append to is taken from the README's own code blocks; then {@code check}
 * has 0 errors and {@code test} passes with the new scenario.
 */
class WalkthroughTest {

    private static final String SECTION = "## Adding a source and its claims";
    private static final String ROOT = "/tmp/walkthrough/";
    /** "Create `/tmp/walkthrough/...`" or "... end of `/tmp/walkthrough/...`", then the next code block. */
    private static final Pattern STEP = Pattern.compile(
            "(Create|end of)\\s+`" + Pattern.quote(ROOT) + "([^`]+)`.*?\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void the_walkthrough_adds_a_source_whose_claims_check_and_test_clean(@TempDir Path dir) throws IOException {
        String readme = Files.readString(Path.of("rules", "README.md"));
        int start = readme.indexOf(SECTION);
        assertThat(start).as("rules/README.md has the section '%s'", SECTION).isNotNegative();
        String section = section(readme.substring(start));
        Fixtures.copyTree(Path.of("rules"), dir.resolve("rules"));
        Fixtures.copyTree(Path.of("facts"), dir.resolve("facts"));

        Matcher step = STEP.matcher(section);
        int created = 0;
        int appended = 0;
        while (step.find()) {
            Path file = dir.resolve(step.group(2));
            Files.createDirectories(file.getParent());
            if (step.group(1).equals("Create")) {
                Files.writeString(file, step.group(3) + "\n");
                created++;
            } else {
                Files.writeString(file, "\n" + step.group(3) + "\n", StandardOpenOption.APPEND);
                appended++;
            }
        }
        assertThat(created).as("files the walk-through creates").isEqualTo(5);
        assertThat(appended).as("files it appends to").isEqualTo(1);

        CliRun check = CliRun.of("check", "--rules", dir.resolve("rules").toString(), "--facts",
                dir.resolve("facts").toString());
        assertThat(check.out()).containsPattern("(?m)^0 errors, ");
        assertThat(check.exitCode()).as(check.out()).isZero();

        CliRun test = CliRun.of("test", "--rules", dir.resolve("rules").toString(), "--facts",
                dir.resolve("facts").toString());
        assertThat(test.out()).contains("PASS japan-times-treaty").contains(" 0 failed");
        assertThat(test.exitCode()).as(test.out()).isZero();
    }

    /** The text up to the next heading of the same level that is not inside a code block. */
    private static String section(String from) {
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (String line : from.split("\n", -1)) {
            if (!fenced && line.startsWith("## ") && text.length() > 0) {
                break;
            }
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
