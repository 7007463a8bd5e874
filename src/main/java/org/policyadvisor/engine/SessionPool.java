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
 * <p>Since a session serves one evaluation on one thread, it is opened without the locking that a session shared
 * between threads needs ({@link ThreadSafeOption#NO}).
 */
final class SessionPool {

    private final KieSessionsPool pool;
    private final KieSessionConfiguration configuration;

    SessionPool(KieBase kieBase) {
        this.pool = kieBase.newKieSessionsPool(0);
        this.configuration = KieServices.get().newKieSessionConfiguration();
        this.configuration.setOption(ThreadSafeOption.NO);
    }

    /** A session for one evaluation on the calling thread; {@link KieSession#dispose()} gives it back. */
    KieSession open() {
        return pool.newKieSession(configuration);
    }
}
