package org.policyadvisor.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;
import org.policyadvisor.Rule;
import org.policyadvisor.RuleBase;
import org.policyadvisor.RuleSelection;
import org.policyadvisor.Source;
import org.policyadvisor.Vocabulary;

/**
 * A Drools rule base built from checked claims, with the claims, vocabulary and sources it was built from.
 * Immutable and thread-safe: the KieBase is shared, and each evaluation opens its own session from the
 * {@link SessionPool} and disposes it.
 */
final class DroolsRuleBase implements RuleBase {

    private final ModelBuilder.Built built;
    private final String revision;
    private final Instant loadedAt;
    private final List<Rule> rules;
    private final Vocabulary vocabulary;
    private final List<Source> sources;
    private final Map<String, Double> factors;
    private final SessionPool sessions;

    DroolsRuleBase(ModelBuilder.Built built, String revision, Instant loadedAt, List<Rule> rules,
                   Vocabulary vocabulary, List<Source> sources) {
        this.built = built;
        this.revision = revision;
        this.loadedAt = loadedAt;
        this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
        this.vocabulary = vocabulary;
        this.sources = sources.stream().sorted(Comparator.comparing(Source::id)).toList();
        this.factors = this.sources.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Source::id,
                Source::factor));
        Evaluation.enableTruthMaintenance(built.kieBase());
        this.sessions = new SessionPool(built.kieBase());
    }

    @Override
    public String revision() {
        return revision;
    }

    @Override
    public Instant loadedAt() {
        return loadedAt;
    }

    @Override
    public List<Rule> rules() {
        return rules;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public List<Source> sources() {
        return sources;
    }

    @Override
    public Assessment evaluate(String description, List<Fact> facts, Limits limits, RuleSelection selection) {
        Map<String, Rule> claims = built.claims();
        Evaluation.Recorded recorded = Evaluation.run(sessions, claims, facts, limits,
                selection == RuleSelection.ALL ? name -> true : name -> selection.uses(claims.get(name)));
        return Explanations.assess(revision, description, recorded,
                selection.hedges().isEmpty() ? Rule::hedge : selection::hedge,
                source -> factors.getOrDefault(source, 1.0), vocabulary);
    }
}
