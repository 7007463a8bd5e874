package org.policyadvisor.scenario;

import java.util.Objects;
import java.util.Optional;

import org.policyadvisor.Scenario;

/**
 * A scenario as read from a file: the scenario itself (with the facts of any scenario it extends
 * already merged in), the scenario it extends, if any, and its expectations.
 */
public record ScenarioFile(Scenario scenario, Optional<Scenario> base, Expectations expectations) {

    public ScenarioFile {
        Objects.requireNonNull(scenario, "scenario must not be null");
        Objects.requireNonNull(base, "base must not be null");
        Objects.requireNonNull(expectations, "expectations must not be null");
    }

    public String name() {
        return scenario.name();
    }
}
