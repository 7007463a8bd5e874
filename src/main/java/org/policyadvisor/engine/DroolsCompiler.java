package org.policyadvisor.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.runtime.KieContainer;
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
 * Compiles DRL (and DSL/DSLR) text at run time into a Drools {@link KieBase} with equality semantics,
 * then reads the vocabulary and the rules' provenance from it. Every problem is reported at once.
 */
public final class DroolsCompiler implements RuleCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsCompiler.class);
    static final String RESOURCE_ROOT = "src/main/resources/";

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
        KieBase kieBase = build(sources);
        Vocabulary vocabulary = VocabularyReader.read(kieBase, Actors.read(sources));
        Map<String, Rule> rules = RuleCatalog.read(kieBase, sources);
        RuleBase ruleBase = new DroolsRuleBase(kieBase, sources.revision(), clock.instant(), rules, vocabulary);
        LOG.debug("compiled {} rules from {} in {} ms (revision {})", rules.size(), sources.origin(),
                (System.nanoTime() - start) / 1_000_000, ruleBase.revision());
        return ruleBase;
    }

    private static KieBase build(RuleSources sources) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.policyadvisor.rules", "rules", sources.revision());
        kfs.generateAndWritePomXML(releaseId);
        for (RuleSources.File file : sources.ruleFiles()) {
            kfs.write(RESOURCE_ROOT + file.path(), file.text().getBytes(StandardCharsets.UTF_8));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Problem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(new Problem(location(m), oneLine(m.getText())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(EqualityBehaviorOption.EQUALITY);
        return container.newKieBase(conf);
    }

    private static String location(Message m) {
        String path = m.getPath() == null ? "" : m.getPath();
        if (path.startsWith(RESOURCE_ROOT)) {
            path = path.substring(RESOURCE_ROOT.length());
        }
        if (m.getLine() > 0) {
            return path + ":" + m.getLine() + ":" + Math.max(m.getColumn(), 0);
        }
        return path;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
