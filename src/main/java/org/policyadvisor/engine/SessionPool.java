package org.policyadvisor.engine;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * The sessions evaluations run in: Drools' own pool of sessions of one KieBase ({@link KieBase#newKieSessionsPool}).
 * Disposing a session from it resets the session (its facts, agenda, truth maintenance and fact handle numbering)
 * and keeps it for a later evaluation, so that an evaluation does not pay again for building a session's node
 * memories. The pool hands each session to one caller at a time and holds at most as many sessions as
 * evaluations ever ran at once.
 *
 * <p>Sessions are opened thread-safe ({@link ThreadSafeOption#YES}, Drools' default) although each serves one
 * evaluation on one thread: the consequences of an executable-model rule base belong to the KieBase, and in a session
 * that is not thread-safe they reuse one buffer of matched facts (and the rule context built over it) across every
 * session of the KieBase, so that two evaluations running at once insert into each other's sessions.
 */
final class SessionPool {

    private final KieSessionsPool pool;
    private final KieSessionConfiguration configuration;

    SessionPool(KieBase kieBase) {
        this.pool = kieBase.newKieSessionsPool(0);
        this.configuration = KieServices.get().newKieSessionConfiguration();
        this.configuration.setOption(ThreadSafeOption.YES);
    }

    /** A session for one evaluation on the calling thread; {@link KieSession#dispose()} gives it back. */
    KieSession open() {
        return pool.newKieSession(configuration);
    }
}
