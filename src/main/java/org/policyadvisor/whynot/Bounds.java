package org.policyadvisor.whynot;

/**
 * How far a why-not question is followed: at most {@code depth} rules back from the consequence, and at most
 * {@code sets} alternative sets of facts in the answer. A chain cut by the depth ends in its premise as a fact
 * to assert directly.
 */
public record Bounds(int depth, int sets) {

    public static final Bounds DEFAULT = new Bounds(8, 10);

    public Bounds {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, was " + depth);
        }
        if (sets < 1) {
            throw new IllegalArgumentException("sets must be at least 1, was " + sets);
        }
    }
}
