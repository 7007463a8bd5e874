package org.policyadvisor.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.policyadvisor.InvalidRulesException;
import org.policyadvisor.Problem;
import org.policyadvisor.Rule;
import org.policyadvisor.RuleSources;
import org.policyadvisor.Vocabulary;
import org.policyadvisor.spi.RuleBase;
import org.policyadvisor.spi.RuleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles DRL (and DSL/DSLR) text at run time into an immutable Drools {@link KieBase},
 * then reads the vocabulary and the rules' provenance from it. Every problem is reported at once.
 */
public final class DroolsCompiler implements RuleCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsCompiler.class);
    /** The parser reports "Line 4:18" in its text, with a zero-based column. */
    private static final Pattern PARSER_POSITION = Pattern.compile("Line \\d+:(\\d+)");

    private final Clock clock;

    public DroolsCompiler() {
        this(Clock.systemUTC());
    }

    public DroolsCompiler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RuleBase compile(RuleSources sources) {
        long start = System.nanoTime();
        if (sources.ruleFiles().isEmpty()) {
            throw new InvalidRulesException(List.of(new Problem(sources.origin(), "no rule files (.drl, .dslr)")));
        }
        List<Problem> forbidden = CodePolicy.check(sources);
        if (!forbidden.isEmpty()) {
            throw new InvalidRulesException(forbidden);
        }
        RuleText.Parsed parsed = RuleText.parse(sources);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidRulesException(parsed.problems());
        }
        KieBase kieBase = build(sources);
        Vocabulary vocabulary = VocabularyReader.read(kieBase, Actors.read(sources));
        Map<String, Rule> rules = RuleCatalog.read(kieBase, parsed.rules());
        RuleBase ruleBase = new DroolsRuleBase(kieBase, sources.revision(), clock.instant(), rules, vocabulary);
        LOG.debug("compiled {} rules from {} in {} ms (revision {})", rules.size(), sources.origin(),
                (System.nanoTime() - start) / 1_000_000, ruleBase.revision());
        return ruleBase;
    }

    /**
     * One batch through the knowledge builder: DSL files first, so DSLR files can be expanded, and all
     * files of a package together, so declared types are shared across files.
     */
    private static KieBase build(RuleSources sources) {
        KnowledgeBuilder builder = builder(sources);
        if (builder.hasErrors()) {
            throw new InvalidRulesException(problems(builder.getErrors()));
        }
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        // Identity, and no change once built: each session then keeps its facts in a plain identity map instead of
        // one store per class, which made a session a fifth cheaper. Equal facts are still one fact: every declared
        // type has truth maintenance on (TruthMaintenance), which merges a derived fact with an equal one, and an
        // evaluation inserts equal given facts once (Evaluation).
        conf.setOption(EqualityBehaviorOption.IDENTITY);
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(conf);
        kieBase.addPackages(builder.getKnowledgePackages());
        return kieBase;
    }

    /** What the Drools compiler finds wrong with the rule files, as {@code file:line:col}; empty when they compile. */
    static List<Problem> compileErrors(RuleSources sources) {
        KnowledgeBuilder builder = builder(sources);
        return builder.hasErrors() ? problems(builder.getErrors()) : List.of();
    }

    /** The rule files through one batch of a knowledge builder; the caller looks at its errors. */
    static KnowledgeBuilder builder(RuleSources sources) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        for (RuleSources.File file : sources.ruleFiles()) {
            Resource resource = ResourceFactory.newByteArrayResource(file.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(file.path());
            batch.add(resource, type(file.path()));
        }
        batch.build();
        return builder;
    }

    private static ResourceType type(String path) {
        if (path.endsWith(".dslr")) {
            return ResourceType.DSLR;
        }
        return path.endsWith(".dsl") ? ResourceType.DSL : ResourceType.DRL;
    }

    private static List<Problem> problems(Iterable<KnowledgeBuilderError> errors) {
        List<KnowledgeBuilderError> all = new ArrayList<>();
        errors.forEach(all::add);
        Set<String> located = new HashSet<>();
        all.stream().filter(e -> line(e) > 0).forEach(e -> located.add(path(e)));
        List<Problem> problems = new ArrayList<>();
        for (KnowledgeBuilderError e : all) {
            // A file with located errors also gets a line-less "Parser returned a null Package": skip that echo.
            if (line(e) > 0 || !located.contains(path(e))) {
                problems.add(new Problem(location(e), oneLine(e.getMessage())));
            }
        }
        return problems;
    }

    private static String path(KnowledgeBuilderError e) {
        return e.getResource() == null || e.getResource().getSourcePath() == null ? "" : e.getResource().getSourcePath();
    }

    private static int line(KnowledgeBuilderError e) {
        int[] lines = e.getLines();
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }

    private static String location(KnowledgeBuilderError e) {
        int line = line(e);
        if (line <= 0) {
            return path(e);
        }
        Matcher parserPosition = PARSER_POSITION.matcher(e.getMessage() == null ? "" : e.getMessage());
        int column = parserPosition.find() ? Integer.parseInt(parserPosition.group(1)) + 1 : 1;
        return path(e) + ":" + line + ":" + column;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
