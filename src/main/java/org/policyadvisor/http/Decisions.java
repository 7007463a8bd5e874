package org.policyadvisor.http;

import java.util.Optional;

import org.policyadvisor.decisions.Decision;
import org.policyadvisor.decisions.DecisionLog;
import org.policyadvisor.decisions.DecisionRing;

/**
 * Where decisions go: the ring of recent ones that {@code GET /v1/decisions/{id}} reads, and the decision log when
 * the server has one. Never fails a request.
 */
final class Decisions {

    private final DecisionRing ring;
    private final DecisionLog log;

    /** @param log the decision log, or null for none */
    Decisions(DecisionRing ring, DecisionLog log, Metrics metrics) {
        this.ring = ring;
        this.log = log;
        if (log != null) {
            log.listener(new DecisionLog.Listener() {
                @Override
                public void written() {
                    metrics.decisionWritten();
                }

                @Override
                public void lost() {
                    metrics.decisionLost();
                }
            });
        }
    }

    void record(Decision decision) {
        String line = decision.toJson(log != null && log.hashInputs());
        ring.add(decision.id(), line);
        if (log != null) {
            log.append(line);
        }
    }

    Optional<String> get(String id) {
        return ring.get(id);
    }
}
