package org.policyadvisor.reload;

import java.time.Instant;
import java.util.List;

import org.policyadvisor.Problem;

/**
 * What the reloader last did: the active revision and when it was loaded, and the outcome of the
 * latest attempt (its time and problems; empty when it activated or found nothing to change).
 */
public record LoadStatus(String activeRevision, Instant activeSince, Instant lastAttempt, String lastAttemptRevision,
                         List<Problem> problems, int reloads) {

    public LoadStatus {
        problems = List.copyOf(problems);
    }
}
