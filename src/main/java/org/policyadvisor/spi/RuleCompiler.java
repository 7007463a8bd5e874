package org.policyadvisor.spi;

import org.policyadvisor.RuleSources;

/** Compiles rule sources into a {@link RuleBase}; found through {@link java.util.ServiceLoader}. */
public interface RuleCompiler {

    /**
     * @throws org.policyadvisor.InvalidRulesException listing every problem, with file and line
     */
    RuleBase compile(RuleSources sources);
}
