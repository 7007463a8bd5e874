package org.policyadvisor.engine;

import java.time.Clock;
import java.util.List;

import org.policyadvisor.InvalidRulesException;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleBase;
import org.policyadvisor.RuleCompiler;
import org.policyadvisor.RuleSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a rule base from a rules directory: the files are read and checked as claims ({@link RuleCheck}); only when
 * no claim is wrong are the checked claims turned into a Drools rule base ({@link ModelBuilder}). No rule text is
 * ever handed to a compiler. Every problem is reported at once. The lints that do not make a claim wrong (quotes,
 * sources, documents, cycles) are {@code check}'s to report.
 */
public final class DroolsCompiler implements RuleCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsCompiler.class);

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
        RuleCheck.Result checked = RuleCheck.essential(sources);
        List<Problem> errors = RuleCheck.problems(checked.essential());
        if (!errors.isEmpty()) {
            throw new InvalidRulesException(errors);
        }
        ModelBuilder.Built built = ModelBuilder.build(checked.rules(), checked.vocabulary());
        RuleBase ruleBase = new DroolsRuleBase(built, sources.revision(), clock.instant(), checked.rules(),
                checked.vocabulary(), checked.sources());
        LOG.debug("built {} rules from {} in {} ms (revision {})", checked.rules().size(), sources.origin(),
                (System.nanoTime() - start) / 1_000_000, ruleBase.revision());
        return ruleBase;
    }
}
