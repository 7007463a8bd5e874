package org.policyadvisor.scenario;

import java.util.List;
import java.util.Set;

/** The result of running one scenario's expectations: what differed, and which rules it exercised. */
public record Outcome(String name, String description, List<String> failures, Set<String> rulesUsed) {

    public Outcome {
        failures = List.copyOf(failures);
        rulesUsed = Set.copyOf(rulesUsed);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
