package org.policyadvisor.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.internal.builder.KnowledgeBuilder;
import org.policyadvisor.Fact;
import org.policyadvisor.RuleSources;
import org.policyadvisor.Scenario;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * Bare sessions of the same rules and facts on two KieBases, in alternating blocks as {@link PairedAssessBenchmark}
 * runs them: one built as {@link DroolsCompiler} builds rule bases (identity semantics, immutable), one with
 * equality semantics and open to change, as they were built before. Both have truth maintenance on for every
 * declared type. Prints {@code key=value} lines: the medians and the ratio of identity to equality.
 *
 * <p>{@code StoreModesBenchmark [RULES_DIR [SCENARIO.json [SECONDS [WARMUP_SECONDS]]]]}; defaults
 * {@code rules facts/june-2024-summit.json 60 30}.
 */
public final class StoreModesBenchmark {

    private StoreModesBenchmark() {
    }

    public static void main(String[] arguments) {
        PairedAssessBenchmark.Args args = PairedAssessBenchmark.Args.of(arguments);
        Path rules = args.rules();
        Path scenarioFile = args.scenario();
        int seconds = args.seconds();
        int warmup = args.warmup();

        BareSessions current = BareSessions.compile(rules);
        Scenario scenario = new ScenarioReader(current.advisor().vocabulary(), scenarioFile.toAbsolutePath().getParent())
                .read(scenarioFile).scenario();
        List<Fact> facts = current.advisor().vocabulary().check(scenario.facts(), "facts");
        KieBase equality = equalityKieBase(RuleSources.fromDirectory(rules));
        List<Object> identityObjects = current.objects(facts);
        List<Object> equalityObjects = BareSessions.objects(new SessionTypes(equality, Map.of()), facts);

        Map<String, IntSupplier> ops = new LinkedHashMap<>();
        ops.put("equality", () -> BareSessions.run(equality, equalityObjects));
        ops.put("identity", () -> current.run(identityObjects));
        int a = ops.get("equality").getAsInt();
        int b = ops.get("identity").getAsInt();
        if (a != b) {
            throw new IllegalStateException("the two rule bases fired " + a + " and " + b + " rules");
        }
        System.out.println("# " + scenarioFile + ": " + facts.size() + " facts, " + a + " firings on both");

        PairedAssessBenchmark.rounds(ops, warmup);
        List<Map<String, PairedAssessBenchmark.Block>> rounds = PairedAssessBenchmark.rounds(ops, seconds);
        System.out.println("rounds=" + rounds.size() + " seconds=" + seconds + " warmup_seconds=" + warmup);
        for (String name : ops.keySet()) {
            PairedAssessBenchmark.print(name + "_cpu_us",
                    rounds.stream().mapToDouble(r -> r.get(name).cpuPerOp() / 1e3).toArray());
        }
        PairedAssessBenchmark.print("ratio_identity_to_equality_cpu", rounds.stream()
                .mapToDouble(r -> r.get("identity").cpuPerOp() / r.get("equality").cpuPerOp()).toArray());
    }

    /** The rules built as before: equality semantics, the KieBase open to change. */
    private static KieBase equalityKieBase(RuleSources sources) {
        KnowledgeBuilder builder = DroolsCompiler.builder(sources);
        if (builder.hasErrors()) {
            throw new IllegalStateException(builder.getErrors().toString());
        }
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(EqualityBehaviorOption.EQUALITY);
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(conf);
        kieBase.addPackages(builder.getKnowledgePackages());
        TruthMaintenance.enableForDeclaredTypes(kieBase, FactTypes.of(kieBase));
        return kieBase;
    }
}
