package org.policyadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.policyadvisor.Advisor;
import org.policyadvisor.analysis.Impact;
import org.policyadvisor.analysis.ImpactReport;
import org.policyadvisor.render.ImpactRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code impact}: what a change of rules does to every scenario. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Show what a change of rules does to every scenario; exit 1 on a regression.",
                "Every scenario is evaluated under the old and the new rules: the consequences added, removed and",
                "changed (explained on each side), and which rules differ. --old is a rules directory or a git",
                "revision of the --rules directory. A regression is an expect block that passed under the old",
                "rules and fails under the new."})
final class ImpactCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Option(names = "--old", required = true, paramLabel = "DIR|GITREV",
            description = "The old rules: a directory, or a git revision of the --rules directory.")
    String old;

    @Option(names = "--facts", paramLabel = "DIR",
            description = "Scenario folder (default: facts next to the rules directory, or ./facts).")
    Path facts;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Formats.Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = ScenarioDirs.existing(facts, options.rules);
        Advisor now = options.advisor();
        Advisor before = oldAdvisor();
        ImpactReport report = new Impact(before, now).over(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Formats.Format.json) {
            Formats.printJson(out, new ImpactRenderer().json(report, true));
        } else {
            out.print(new ImpactRenderer().text(report));
            out.flush();
        }
        return report.regressions().isEmpty() ? 0 : Main.FAILED;
    }

    private Advisor oldAdvisor() {
        Path asDir = Path.of(old);
        Advisor.Builder builder = Advisor.builder().limits(options.limits());
        if (Files.isDirectory(asDir)) {
            return builder.rulesFrom(asDir).build();
        }
        Path exported = GitRules.export(old, options.rules != null ? options.rules : Path.of("rules"));
        try {
            return builder.rulesFrom(exported).build();
        } finally {
            GitRules.delete(exported);
        }
    }
}
