package org.policyadvisor.http;

import java.util.concurrent.atomic.AtomicBoolean;

import org.policyadvisor.decisions.DecisionRing;

/**
 * What every event loop of one server shares: the bound on the worker pool, the budget of body bytes, the meters,
 * the recent decisions, the exposure, what the workbench shows of the rules being authored, and whether the server
 * drains.
 */
record Shared(Admission admission, Budget budget, Metrics metrics, Decisions decisions, Exposure exposure,
              Authoring authoring, AtomicBoolean draining) {

    /** For one verticle alone, as tests deploy it: no decision log, no tokens, the packaged rules. */
    static Shared of(ServerConfig config) {
        Metrics metrics = new Metrics();
        return of(config, metrics, new Decisions(new DecisionRing(), null, metrics), Exposure.none());
    }

    static Shared of(ServerConfig config, Metrics metrics, Decisions decisions, Exposure exposure) {
        return of(config, metrics, decisions, exposure, Authoring.packaged());
    }

    static Shared of(ServerConfig config, Metrics metrics, Decisions decisions, Exposure exposure,
                     Authoring authoring) {
        Admission admission = Admission.of(config);
        Budget budget = new Budget(config.bodyBudget());
        metrics.watch(admission, budget);
        return new Shared(admission, budget, metrics, decisions, exposure, authoring, new AtomicBoolean());
    }
}
