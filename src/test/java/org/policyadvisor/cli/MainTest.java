package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MainTest {

    private static final Pattern COMMAND_LINE = Pattern.compile("^  ([a-z-]+)\\s{2,}(.*)$");

    @Test
    void helpListsEveryCommandWithASummaryThatIsAWholeSentence() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        String commands = run.out().substring(run.out().indexOf("Commands:"));
        List<String> names = commands.lines().map(COMMAND_LINE::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
        assertThat(names).containsExactly("what-if", "check", "test", "graph", "why-not", "sensitivity", "sweep", "impact",
                "serve", "help");
        // A summary is the first line of a command's description, wrapped over indented lines.
        String joined = commands.replaceAll("\\n {13}", " ");
        for (String line : joined.lines().toList()) {
            Matcher m = COMMAND_LINE.matcher(line);
            if (m.matches()) {
                assertThat(m.group(2)).as("summary of %s", m.group(1)).matches("[A-Z].*\\.");
            }
        }
    }

    @Test
    void aCommandNamedFirstIsTheOnlyOneBuiltAndAnythingElseBuildsThemAll() {
        assertThat(Main.commandsFor(new String[] {"what-if", "facts/june-2024-summit.json"}))
                .containsExactly(WhatIfCommand.class);
        assertThat(Main.commandsFor(new String[] {"serve", "--port", "0"})).containsExactly(ServeCommand.class);
        assertThat(Main.commandsFor(new String[] {"help", "check"})).isEqualTo(Main.COMMANDS);
        assertThat(Main.commandsFor(new String[] {"--version"})).isEqualTo(Main.COMMANDS);
        assertThat(Main.commandsFor(new String[] {})).isEqualTo(Main.COMMANDS);
    }

    @Test
    void helpForACommandAndAMistypedNameStillSeeEveryCommand() {
        CliRun help = CliRun.of("help", "why-not");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: policy-advisor why-not");

        CliRun typo = CliRun.of("wat-if");
        assertThat(typo.exitCode()).isNotZero();
        assertThat(typo.err()).contains("Did you mean: policy-advisor what-if?");
    }
}
