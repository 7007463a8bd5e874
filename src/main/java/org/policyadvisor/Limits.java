package org.policyadvisor;

import java.time.Duration;
import java.util.Objects;

/**
 * Guards on one evaluation: at most {@code maxFirings} rule firings and {@code timeout} of wall-clock time.
 */
public record Limits(int maxFirings, Duration timeout) {

    public static final Limits DEFAULT = new Limits(10_000, Duration.ofSeconds(5));

    public Limits {
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }
}
