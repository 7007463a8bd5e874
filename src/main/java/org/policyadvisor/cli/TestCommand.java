package org.policyadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.policyadvisor.Advisor;
import org.policyadvisor.scenario.Outcome;
import org.policyadvisor.scenario.ScenarioReader;
import org.policyadvisor.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code test}: every scenario's expectations, then which rules no scenario exercised. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run every scenario of a folder against the rules and report PASS or FAIL for each.",
                "A failure shows what differed; then come the rules no scenario exercised, and",
                "'N passed, N failed'. Exit 1 on any failure."})
final class TestCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Option(names = "--facts", paramLabel = "DIR",
            description = "Scenario folder (default: facts next to the rules directory, or ./facts).")
    Path facts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = ScenarioDirs.existing(facts, options.rules);
        Advisor advisor = options.advisor();
        ScenarioReader reader = new ScenarioReader(advisor.vocabulary(), dir);
        ScenarioRunner runner = new ScenarioRunner(advisor);
        PrintWriter out = spec.commandLine().getOut();
        List<Outcome> outcomes = reader.names().stream().map(name -> {
            Outcome outcome = runner.run(reader, name);
            print(outcome, out);
            return outcome;
        }).toList();
        Set<String> untested = runner.untested(outcomes);
        out.println();
        if (untested.isEmpty()) {
            out.println("Claim coverage: every rule exercised (" + advisor.rules().size() + " rules).");
        } else {
            out.println("Claim coverage: " + untested.size() + " of " + advisor.rules().size()
                    + " rules exercised by no scenario:");
            untested.forEach(id -> out.println("    " + id));
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.println();
        out.println((outcomes.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : Main.FAILED;
    }

    private static void print(Outcome outcome, PrintWriter out) {
        out.println((outcome.passed() ? "PASS " : "FAIL ") + outcome.name());
        outcome.failures().forEach(f -> out.println("    " + f));
        out.flush();
    }
}
