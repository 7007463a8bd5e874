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
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        Set<String> located = new HashSet<>();
        errors.stream().filter(m -> m.getLine() > 0).forEach(m -> located.add(m.getPath()));
        List<Problem> problems = new ArrayList<>();
        for (Message m : errors) {
            // A file with located errors also gets a line-less "Parser returned a null Package": skip that echo.
            if (m.getLine() > 0 || !located.contains(m.getPath())) {
                problems.add(new Problem(location(m), oneLine(m.getText())));
            }
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
            Matcher parserPosition = PARSER_POSITION.matcher(m.getText() == null ? "" : m.getText());
            int column = parserPosition.find() ? Integer.parseInt(parserPosition.group(1)) + 1 : Math.max(m.getColumn(), 1);
            return path + ":" + m.getLine() + ":" + column;
        }
        return path;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
