package org.policyadvisor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;


/**
 * The entry point: a compiled rule base that answers "what follows if ...?".
 *
 * <p>Build one with {@link #builder()} and share it: an {@code Advisor} is immutable and thread-safe;
 * every {@link #assess} runs in its own short-lived engine session, always disposed (disposing a session of the
 * rule base's session pool resets it for a later evaluation).
 *
 * <pre>{@code
 * Advisor advisor = Advisor.builder().packagedRules().build();
 * Assessment a = advisor.assess(Scenario.of("what-if", List.of(
 *         Fact.of("ArmsTransfer", Map.of("supplier", "RUS", "recipient", "PRK", "category", "precision-weapons")))));
 * }</pre>
 */
public final class Advisor {

    private final RuleBase ruleBase;
    private final Limits limits;
    private final RuleSelection selection;

    private Advisor(RuleBase ruleBase, Limits limits, RuleSelection selection) {
        this.ruleBase = ruleBase;
        this.limits = limits;
        this.selection = selection;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What follows from the scenario's facts.
     *
     * @throws InvalidFactsException     when a fact does not fit the vocabulary (nothing is evaluated)
     * @throws EvaluationLimitException  when the evaluation exceeds its firing cap or time limit
     */
    public Assessment assess(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario must not be null");
        return evaluate(scenario, "facts");
    }

    private Assessment evaluate(Scenario scenario, String path) {
        List<Fact> facts = ruleBase.vocabulary().check(scenario.facts(), path).stream()
                .map(ruleBase.vocabulary()::canonical).toList();
        return ruleBase.evaluate(scenario.description(), facts, limits, selection);
    }

    /** The counterfactual difference: what the scenario adds, removes and changes against the baseline. */
    public Comparison compare(Scenario baseline, Scenario scenario) {
        Objects.requireNonNull(baseline, "baseline must not be null");
        Objects.requireNonNull(scenario, "scenario must not be null");
        Assessment before = evaluate(baseline, "baseline.facts");
        return Comparison.of(before, evaluate(scenario, "facts"));
    }

    /** The content hash of the rules this advisor was built from. */
    public String revision() {
        return ruleBase.revision();
    }

    public Instant loadedAt() {
        return ruleBase.loadedAt();
    }

    /** Every rule, ordered by id. */
    public List<Rule> rules() {
        return ruleBase.rules();
    }

    public Optional<Rule> rule(String id) {
        return ruleBase.rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Vocabulary vocabulary() {
        return ruleBase.vocabulary();
    }

    /** The sources the rules cite, ordered by id. */
    public List<Source> sources() {
        return ruleBase.sources();
    }

    /** Which claims this advisor uses, and how firmly. */
    public RuleSelection selection() {
        return selection;
    }

    public Limits limits() {
        return limits;
    }

    /** A copy of this advisor with other limits, sharing the compiled rule base. */
    public Advisor withLimits(Limits other) {
        return new Advisor(ruleBase, Objects.requireNonNull(other, "limits must not be null"), selection);
    }

    /**
     * A copy of this advisor that uses only some claims, or some with another hedge, sharing the compiled rule base.
     *
     * @throws NotFoundException when the selection names a source or rule the rule base does not have
     */
    public Advisor withSelection(RuleSelection other) {
        Objects.requireNonNull(other, "selection must not be null");
        List<String> sourceIds = ruleBase.rules().stream().map(Rule::source).distinct().toList();
        for (String source : other.sources()) {
            if (!sourceIds.contains(source)) {
                throw new NotFoundException("unknown source '" + source + "'" + Nearest.hint(Nearest.of(source,
                        sourceIds)) + "; the rules cite " + String.join(", ", sourceIds.stream().sorted().toList()));
            }
        }
        for (String id : other.disabled()) {
            rule(id).orElseThrow(() -> new NotFoundException("unknown rule '" + id + "'"));
        }
        for (String id : other.hedges().keySet()) {
            rule(id).orElseThrow(() -> new NotFoundException("unknown rule '" + id + "'"));
        }
        return new Advisor(ruleBase, limits, other);
    }

    /** Builds an {@link Advisor}; compiling the rules is the expensive step, so do it once. */
    public static final class Builder {

        private RuleSources sources;
        private RuleBase compiled;
        private Limits limits = Limits.DEFAULT;

        private Builder() {
        }

        /** Rules from a directory of {@code .drl}/{@code .dsl}/{@code .dslr} files. */
        public Builder rulesFrom(Path dir) {
            this.sources = RuleSources.fromDirectory(Objects.requireNonNull(dir, "dir must not be null"));
            return this;
        }

        /** The rules packaged with this library (the article's claims). */
        public Builder packagedRules() {
            this.sources = RuleSources.packaged();
            return this;
        }

        public Builder sources(RuleSources ruleSources) {
            this.sources = Objects.requireNonNull(ruleSources, "sources must not be null");
            return this;
        }

        /** An already compiled rule base, e.g. one shared with another advisor or a benchmark. */
        public Builder ruleBase(RuleBase ruleBase) {
            this.compiled = Objects.requireNonNull(ruleBase, "ruleBase must not be null");
            return this;
        }

        public Builder limits(Limits evaluationLimits) {
            this.limits = Objects.requireNonNull(evaluationLimits, "limits must not be null");
            return this;
        }

        /**
         * @throws InvalidRulesException listing every problem, with file and line
         */
        public Advisor build() {
            if (compiled != null) {
                return new Advisor(compiled, limits, RuleSelection.ALL);
            }
            RuleSources chosen = sources != null ? sources : RuleSources.packaged();
            RuleCompiler compiler = ServiceLoader.load(RuleCompiler.class, Advisor.class.getClassLoader())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no rule engine on the class path"));
            return new Advisor(compiler.compile(chosen), limits, RuleSelection.ALL);
        }
    }
}
