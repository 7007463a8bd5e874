package org.policyadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fact;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;
import org.policyadvisor.Scenario;
import org.policyadvisor.analysis.Parallel;
import org.policyadvisor.analysis.Sweep;
import org.policyadvisor.analysis.SweepResult;
import org.policyadvisor.render.SweepRenderer;
import org.policyadvisor.json.Json;
import org.policyadvisor.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweep}: a scenario under every combination of some uncertain facts, or the merge of sliced sweeps. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Evaluate a scenario under every combination of some uncertain facts.",
                "The uncertain facts of --vary (k <= 20, 2^k combinations): per consequence, in how many it holds,",
                "the smallest sets of uncertain facts with which it holds and those that block it; consequences",
                "that hold in every combination are robust. --shard I/N evaluates slice I (0 <= I < N) of N and",
                "prints JSON; sweep --merge FILES... combines the slices' outputs into the whole sweep's."})
final class SweepCommand implements Callable<Integer> {

    private static final java.util.regex.Pattern SHARD = java.util.regex.Pattern.compile("(\\d+)/(\\d+)");

    @Mixin
    Options options;

    @Option(names = "--vary", paramLabel = "FACTS.json",
            description = "The uncertain facts: a JSON array of facts, or an object with \"facts\".")
    Path vary;

    @Option(names = "--shard", paramLabel = "I/N", description = "Evaluate slice I of N only (I from 0).")
    String shard;

    @Option(names = "--merge", arity = "1..*", paramLabel = "FILE",
            description = "Merge the JSON outputs of the slices of one sweep.")
    List<Path> merge;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: every core).")
    Integer threads;

    @Option(names = "--format", description = "text or json (default: text; json with --shard).")
    Formats.Format format;

    @Parameters(paramLabel = "SCENARIO.json", arity = "0..1", description = "The scenario file.")
    Path scenario;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SweepResult result = merge != null ? merged() : swept();
        Formats.Format chosen = format != null ? format : shard != null ? Formats.Format.json : Formats.Format.text;
        PrintWriter out = spec.commandLine().getOut();
        if (chosen == Formats.Format.json) {
            Formats.printJson(out, new SweepRenderer().json(result, true));
        } else {
            out.print(new SweepRenderer().text(result));
            out.flush();
        }
        return 0;
    }

    private SweepResult merged() {
        if (vary != null || scenario != null || shard != null) {
            throw new ParameterException(spec.commandLine(), "--merge takes the outputs of a sweep, and nothing else");
        }
        SweepRenderer reader = new SweepRenderer();
        List<SweepResult> parts = new ArrayList<>();
        for (Path file : merge) {
            parts.add(reader.read(text(file), file.toString()));
        }
        return SweepResult.merge(parts);
    }

    private SweepResult swept() {
        if (vary == null || scenario == null) {
            throw new ParameterException(spec.commandLine(), "give --vary FACTS.json and SCENARIO.json, or --merge");
        }
        int index = 0;
        int count = 1;
        if (shard != null) {
            Matcher m = SHARD.matcher(shard);
            if (!m.matches() || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))) {
                throw new ParameterException(spec.commandLine(), "--shard takes I/N with 0 <= I < N, got " + shard);
            }
            index = Integer.parseInt(m.group(1));
            count = Integer.parseInt(m.group(2));
        }
        Advisor advisor = options.advisor();
        Scenario base = WhatIfCommand.read(advisor, scenario).scenario();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "sweep");
        Sweep sweep = Sweep.of(advisor, base, uncertain(advisor, vary))
                .threads(threads == null ? Parallel.cores() : threads).progress(bar);
        try {
            return sweep.shard(index, count);
        } finally {
            bar.finish();
        }
    }

    /** The uncertain facts of a file, checked against the vocabulary; problems name the file. */
    static List<Fact> uncertain(Advisor advisor, Path file) {
        JsonNode root = Json.parse(text(file), file.toString());
        JsonNode array = root.isObject() ? root.get("facts") : root;
        List<Problem> problems = new ArrayList<>();
        List<Fact> facts = new ScenarioReader(advisor.vocabulary(), null)
                .facts(array, root.isObject() ? "facts" : "vary", problems, true);
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems.stream()
                    .map(p -> new Problem(file + ": " + p.where(), p.message())).toList());
        }
        return facts;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NotFoundException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
