package org.policyadvisor.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.policyadvisor.Advisor;
import org.policyadvisor.render.WhyNotJsonRenderer;
import org.policyadvisor.render.WhyNotTextRenderer;
import org.policyadvisor.whynot.Answer;
import org.policyadvisor.whynot.Bounds;
import org.policyadvisor.whynot.Targets;
import org.policyadvisor.whynot.WhyNot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code why-not}: why a consequence does not follow from a scenario, and what would make it follow. */
@Command(name = "why-not", mixinStandardHelpOptions = true,
        description = {"Show why a consequence does not follow, and what would make it follow.",
                "Lists the rules that could conclude it, which of their premises are missing or blocked, and",
                "the sets of facts to assert to make it follow, smallest first."})
final class WhyNotCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    Options options;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "8",
            description = "Follow missing premises at most N rules back (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--max-sets", paramLabel = "N", defaultValue = "10",
            description = "Show at most N sets of facts to assert (default: ${DEFAULT-VALUE}).")
    int sets;

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario file.")
    Path scenario;

    @Parameters(index = "1", paramLabel = "CONSEQUENCE",
            description = "Type, Type(field=value, ...) or a JSON object, e.g. AidRestraintLifted(actor=KOR).")
    String consequence;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Advisor advisor = options.advisor();
        Answer answer = new WhyNot(advisor, new Bounds(depth, sets))
                .ask(WhatIfCommand.read(advisor, scenario).scenario(), Targets.parse(consequence, advisor.vocabulary()));
        String output = format == Format.json
                ? new String(new WhyNotJsonRenderer(true).answer(Map.of(), answer), StandardCharsets.UTF_8)
                        + System.lineSeparator()
                : new WhyNotTextRenderer().answer(answer);
        spec.commandLine().getOut().print(output);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
