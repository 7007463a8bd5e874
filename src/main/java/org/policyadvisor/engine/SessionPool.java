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
 * evaluation on one thread: with {@code NO}, the executable model's consequences reuse one array of matched facts
 * per rule, shared by every session of the KieBase, and evaluations on two threads at once overwrite each other's
 * (a rule's action then fails, or could insert from another evaluation's facts).
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
