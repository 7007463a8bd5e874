package org.policyadvisor.analysis;

import java.util.List;
import java.util.Objects;

import org.policyadvisor.Assessment;

/**
 * The sensitivity of one answer: the answer itself, what each step did ({@code trials}, in the order tried: givens,
 * claims, sources, then each claim firmer and weaker), the givens, claims and sources ranked by how much of the
 * answer rests on them (every given of the scenario is ranked, and every claim and source the answer uses), and per
 * consequence, in the answer's order, what it hangs on.
 */
public record SensitivityReport(Assessment assessment, List<Trial> trials, List<Rank> givens, List<Rank> claims,
                                List<Rank> sources, List<Dependence> consequences) {

    public SensitivityReport {
        Objects.requireNonNull(assessment, "assessment must not be null");
        trials = List.copyOf(trials);
        givens = List.copyOf(givens);
        claims = List.copyOf(claims);
        sources = List.copyOf(sources);
        consequences = List.copyOf(consequences);
    }

    /** The trial of a step. */
    public Trial trial(Step step) {
        return trials.stream().filter(t -> t.step().equals(step)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no trial of " + step));
    }
}
