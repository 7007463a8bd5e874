package org.policyadvisor;

import java.util.List;
import java.util.Objects;

/** A named set of asserted facts: the input of one what-if. */
public record Scenario(String name, String description, List<Fact> facts) {

    public Scenario {
        Objects.requireNonNull(name, "name must not be null");
        description = description == null ? "" : description;
        facts = List.copyOf(facts);
    }

    public static Scenario of(String name, List<Fact> facts) {
        return new Scenario(name, "", facts);
    }
}
