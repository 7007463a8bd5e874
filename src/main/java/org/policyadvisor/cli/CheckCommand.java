package org.policyadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.policyadvisor.RuleSources;
import org.policyadvisor.Source;
import org.policyadvisor.check.CheckReport;
import org.policyadvisor.check.Diagnostic;
import org.policyadvisor.check.ExpectedTypes;
import org.policyadvisor.engine.RuleCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check}: read and check the rules, reporting every problem at once; nothing is compiled or run. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Read and check the rules (nothing is compiled or run), and print every problem found.",
                "One line per problem, as file:line:col: error|warning: message [rule-id], then a count.",
                "Exit 1 on any error."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules directory (default: the rules packaged in the jar).")
    Path rules;

    @Option(names = "--source", paramLabel = "FILE",
            description = "A source text to find quotes in as well, e.g. a new article; it also stands for "
                    + "the source its id names (its 'id:' header line, or its file name).")
    Path source;

    @Option(names = "--facts", paramLabel = "DIR",
            description = "Scenarios whose expected types count as used (default: facts next to the rules).")
    Path facts;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuleSources sources = rules == null ? RuleSources.packaged() : RuleSources.fromDirectory(rules);
        CheckReport report = RuleCheck.report(sources, given(), ExpectedTypes.in(ScenarioDirs.of(facts, rules)));
        PrintWriter out = spec.commandLine().getOut();
        for (Diagnostic d : report.diagnostics()) {
            out.println(shown(d, sources).format());
        }
        out.println(report.summary());
        out.flush();
        return report.hasErrors() ? Main.FAILED : 0;
    }

    private Optional<Source> given() {
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Source.parse(source.getFileName().toString(), Files.readString(source, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --source " + source + ": " + e.getMessage(), e);
        }
    }

    /** Paths as the user can open them: under the rules directory given. */
    private Diagnostic shown(Diagnostic d, RuleSources sources) {
        if (rules == null || d.file().equals(sources.origin())) {
            return d;
        }
        return d.withFile(rules.resolve(d.file()).toString());
    }
}
