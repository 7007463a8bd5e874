package org.policyadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.policyadvisor.Advisor;
import org.policyadvisor.analysis.Sensitivity;
import org.policyadvisor.analysis.SensitivityReport;
import org.policyadvisor.render.SensitivityRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sensitivity}: what a scenario's answer hangs on. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Show what a scenario's answer hangs on, ranking its givens and claims.",
                "Each given is withdrawn in turn, each claim used disabled in turn, each source dropped, and each",
                "claim stated one step firmer and weaker; per consequence: what removes it, and how each step moves",
                "its likelihood."})
final class SensitivityCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Formats.Format format;

    @Parameters(paramLabel = "SCENARIO.json", description = "The scenario file.")
    Path scenario;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Advisor advisor = options.advisor();
        SensitivityReport report = new Sensitivity(advisor).of(WhatIfCommand.read(advisor, scenario).scenario());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Formats.Format.json) {
            Formats.printJson(out, new SensitivityRenderer().json(report, true));
        } else {
            out.print(new SensitivityRenderer().text(report));
            out.flush();
        }
        return 0;
    }
}
