package org.policyadvisor.http;

import java.util.concurrent.atomic.AtomicBoolean;

import org.policyadvisor.decisions.DecisionRing;

/**
 * What every event loop of one server shares: the bound on the worker pool, the budget of body bytes, the meters,
 * the recent decisions, the exposure, and whether the server drains.
 */
record Shared(Admission admission, Budget budget, Metrics metrics, Decisions decisions, Exposure exposure,
              AtomicBoolean draining) {

    /** For one verticle alone, as tests deploy it: no decision log, no tokens. */
    static Shared of(ServerConfig config) {
        Metrics metrics = new Metrics();
        return of(config, metrics, new Decisions(new DecisionRing(), null, metrics), Exposure.none());
    }

    static Shared of(ServerConfig config, Metrics metrics, Decisions decisions, Exposure exposure) {
        Admission admission = Admission.of(config);
        Budget budget = new Budget(config.bodyBudget());
        metrics.watch(admission, budget);
        return new Shared(admission, budget, metrics, decisions, exposure, new AtomicBoolean());
    }
}
