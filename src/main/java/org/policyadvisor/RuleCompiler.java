package org.policyadvisor;

/** Builds rule sources into a {@link RuleBase}; found through {@link java.util.ServiceLoader}. */
public interface RuleCompiler {

    /**
     * @throws InvalidRulesException listing every problem, with file, line and column
     */
    RuleBase compile(RuleSources sources);
}
