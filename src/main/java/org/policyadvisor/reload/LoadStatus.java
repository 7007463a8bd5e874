package org.policyadvisor.reload;

import java.time.Instant;
import java.util.List;

import org.policyadvisor.Problem;

/**
 * What the reloader last did: the active revision and when it was loaded, the outcome of the
 * latest attempt (its time and problems; empty when it activated or found nothing to change), and the impact
 * over the scenarios of the facts directory of the reload that activated the active revision ({@code impact};
 * null before the first reload, or when no facts directory is known).
 */
public record LoadStatus(String activeRevision, Instant activeSince, Instant lastAttempt, String lastAttemptRevision,
                         List<Problem> problems, int reloads, ReloadImpact impact) {

    public LoadStatus {
        problems = List.copyOf(problems);
    }

    /** A status without an impact. */
    public LoadStatus(String activeRevision, Instant activeSince, Instant lastAttempt, String lastAttemptRevision,
                      List<Problem> problems, int reloads) {
        this(activeRevision, activeSince, lastAttempt, lastAttemptRevision, problems, reloads, null);
    }

    /** The same status with another impact. */
    LoadStatus withImpact(ReloadImpact next) {
        return new LoadStatus(activeRevision, activeSince, lastAttempt, lastAttemptRevision, problems, reloads, next);
    }
}
