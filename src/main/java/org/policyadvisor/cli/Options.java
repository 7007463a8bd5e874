package org.policyadvisor.cli;

import java.nio.file.Path;
import java.time.Duration;

import org.policyadvisor.Advisor;
import org.policyadvisor.Limits;
import org.policyadvisor.RuleSelection;
import picocli.CommandLine.Option;

/** Options shared by the commands that load rules and evaluate. */
final class Options {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules directory (default: the rules packaged in the jar).")
    Path rules;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "10000",
            description = "Cap on rule firings per evaluation (default: ${DEFAULT-VALUE}).")
    int maxFirings;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "5000",
            description = "Wall-clock limit per evaluation in milliseconds (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--sources", paramLabel = "ID", split = ",",
            description = "Use only the claims of these sources (ids, comma-separated; default: every source).")
    java.util.List<String> sources;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    Limits limits() {
        return new Limits(maxFirings, Duration.ofMillis(timeoutMs));
    }

    Advisor advisor() {
        Advisor.Builder builder = Advisor.builder().limits(limits());
        Advisor advisor = rules == null ? builder.packagedRules().build() : builder.rulesFrom(rules).build();
        return sources == null || sources.isEmpty() ? advisor
                : advisor.withSelection(RuleSelection.ALL.withSources(java.util.Set.copyOf(sources)));
    }
}
