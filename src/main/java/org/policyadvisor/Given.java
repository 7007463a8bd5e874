package org.policyadvisor;

import java.util.Objects;

/** A fact asserted by the user: a leaf of every explanation, taken as certain. */
public record Given(String id, Fact fact) implements Node {

    public Given {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(fact, "fact must not be null");
    }

    @Override
    public double likelihood() {
        return 1.0;
    }
}
