package org.policyadvisor.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Comparison;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.Problem;
import org.policyadvisor.analysis.BatchWhatIf;
import org.policyadvisor.analysis.Parallel;
import org.policyadvisor.graph.CausalGraph;
import org.policyadvisor.render.AssessmentJson;
import org.policyadvisor.render.TextRenderer;
import org.policyadvisor.scenario.ScenarioFile;
import org.policyadvisor.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code what-if}: what follows from a scenario file, or what changes against a baseline. */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = {"Print what follows from a scenario, with explanations; with --baseline, the difference.",
                "--format dot|mermaid draws the derivations of the scenario as a graph."})
final class WhatIfCommand implements Callable<Integer> {

    enum Format { text, json, dot, mermaid }

    @Mixin
    Options options;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Compare against this scenario file.")
    Path baseline;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json, or dot or mermaid for the derivation graph (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--batch", paramLabel = "DIR|FILE.jsonl",
            description = {"Answer every scenario of a folder, or of a JSON Lines file (one scenario per line):",
                    "one compact JSON answer per line, in input order, on every core; progress on stderr."})
    Path batch;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for --batch (default: every core).")
    Integer threads;

    @Option(names = "--replay", paramLabel = "FILE:ID",
            description = "Re-run decision ID of the decision log FILE (serve --decision-log) on the current rules "
                    + "and print how the answer differs.")
    String replay;

    @Parameters(paramLabel = "SCENARIO.json", arity = "0..1", description = "The scenario file.")
    Path scenario;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean graph = format == Format.dot || format == Format.mermaid;
        if (graph && baseline != null) {
            throw new ParameterException(spec.commandLine(),
                    "--format " + format + " draws one assessment; it cannot be combined with --baseline");
        }
        if (batch != null) {
            if (replay != null || scenario != null) {
                throw new ParameterException(spec.commandLine(), "--batch cannot be combined with a scenario file or --replay");
            }
            return batch();
        }
        if ((replay == null) == (scenario == null)) {
            throw new ParameterException(spec.commandLine(),
                    "give a scenario file, --batch DIR|FILE.jsonl or --replay FILE:ID, one of them");
        }
        Advisor advisor = options.advisor();
        if (replay != null) {
            spec.commandLine().getOut().print(Replay.run(advisor, replay));
            spec.commandLine().getOut().flush();
            return 0;
        }
        ScenarioFile file = read(advisor, scenario);
        String output;
        if (graph) {
            output = GraphCommand.render(CausalGraph.derivation(advisor.assess(file.scenario())), format == Format.mermaid);
        } else if (baseline != null) {
            Comparison comparison = advisor.compare(read(advisor, baseline).scenario(), file.scenario());
            output = format == Format.json
                    ? json(new AssessmentJson(true).comparison(Map.of(), comparison, true))
                    : new TextRenderer().comparison(comparison);
        } else {
            Assessment assessment = advisor.assess(file.scenario());
            output = format == Format.json
                    ? json(new AssessmentJson(true).assessment(Map.of(), assessment, true))
                    : new TextRenderer().assessment(assessment);
        }
        spec.commandLine().getOut().print(output);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int batch() {
        if (scenario != null || (format != Format.text && format != Format.json)) {
            throw new ParameterException(spec.commandLine(),
                    "--batch answers every scenario of its input as JSON lines; it takes no SCENARIO.json and no --format dot|mermaid");
        }
        Advisor advisor = options.advisor();
        BatchWhatIf answers = new BatchWhatIf(advisor).threads(threads == null ? Parallel.cores() : threads);
        if (baseline != null) {
            answers = answers.baseline(read(advisor, baseline).scenario());
        }
        int failed = new BatchLines(advisor, answers).run(batch, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return failed == 0 ? 0 : Main.FAILED;
    }

    /**
     * Reads a scenario file; its problems name the file before their JSON path, since a command may read two
     * (a scenario and its baseline).
     */
    static ScenarioFile read(Advisor advisor, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            return new ScenarioReader(advisor.vocabulary(), dir).read(file);
        } catch (InvalidFactsException e) {
            throw new InvalidFactsException(e.problems().stream()
                    .map(p -> new Problem(p.where().isEmpty() ? file.toString() : file + ": " + p.where(), p.message()))
                    .toList());
        }
    }

    private static String json(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8) + System.lineSeparator();
    }
}
