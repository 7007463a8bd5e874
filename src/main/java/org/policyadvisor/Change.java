package org.policyadvisor;

/** A consequence that follows in both assessments, with a different likelihood. */
public record Change(Consequence before, Consequence after) {

    public double delta() {
        return after.likelihood() - before.likelihood();
    }
}
