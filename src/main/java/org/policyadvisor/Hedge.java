package org.policyadvisor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How firmly the source states a causal claim, and the likelihood this project gives to each wording.
 * The scale is ordinal and documented in rules/README.md; it is a convention, not a measurement.
 */
public enum Hedge {
    STATED(1.0),
    WILL(0.9),
    EXPECTED(0.8),
    LIKELY(0.7),
    MAY(0.5),
    COULD(0.4),
    ALLEGED(0.3);

    private final double likelihood;
    private final String word;

    Hedge(double likelihood) {
        this.likelihood = likelihood;
        this.word = name().toLowerCase(Locale.ROOT);
    }

    public double likelihood() {
        return likelihood;
    }

    /** The word as written in rule metadata, e.g. {@code likely}. */
    public String word() {
        return word;
    }

    /** The next firmer wording ({@code likely} to {@code expected}), or empty for {@code stated}. */
    public Optional<Hedge> firmer() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** The next weaker wording ({@code likely} to {@code may}), or empty for {@code alleged}. */
    public Optional<Hedge> weaker() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public static Optional<Hedge> fromWord(String word) {
        return Arrays.stream(values()).filter(h -> h.word().equals(word)).findFirst();
    }
}
