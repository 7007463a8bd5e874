package org.policyadvisor.engine;

import java.util.Map;

import org.drools.base.rule.EntryPointId;
import org.drools.core.common.ObjectTypeConfigurationRegistry;
import org.drools.kiesession.entrypoints.NamedEntryPoint;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;

/**
 * Switches truth maintenance on for every declared type once, when a rule base is built.
 *
 * <p>Drools keeps a per-type switch for truth maintenance in the KieBase, shared by all its sessions, and turns it
 * on the first time any session inserts a fact of the type logically; only that session then gives its facts of
 * the type equality keys. A session running at the same time on another thread can miss the switch: its given fact
 * then gets no equality key, and a derived fact equal to it is kept as a second fact instead of being merged
 * with it. Turning the switch on for every declared type before the rule base is shared avoids that race.
 */
final class TruthMaintenance {

    private TruthMaintenance() {
    }

    /** Call before the KieBase is shared between threads. */
    static void enableForDeclaredTypes(KieBase kieBase, Map<String, FactType> types) {
        KieSession session = kieBase.newKieSession();
        try {
            if (!(session.getEntryPoint(EntryPointId.DEFAULT.getEntryPointId()) instanceof NamedEntryPoint entryPoint)) {
                return;
            }
            ObjectTypeConfigurationRegistry registry = entryPoint.getObjectTypeConfigurationRegistry();
            for (FactType type : types.values()) {
                registry.getOrCreateObjectTypeConf(EntryPointId.DEFAULT, type.newInstance()).enableTMS();
            }
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot instantiate a declared type", e);
        } finally {
            session.dispose();
        }
    }

    /** True when every declared type has truth maintenance switched on in the KieBase. */
    static boolean enabledForDeclaredTypes(KieBase kieBase, Map<String, FactType> types) {
        KieSession session = kieBase.newKieSession();
        try {
            if (!(session.getEntryPoint(EntryPointId.DEFAULT.getEntryPointId()) instanceof NamedEntryPoint entryPoint)) {
                return false;
            }
            ObjectTypeConfigurationRegistry registry = entryPoint.getObjectTypeConfigurationRegistry();
            for (FactType type : types.values()) {
                if (!registry.getOrCreateObjectTypeConf(EntryPointId.DEFAULT, type.newInstance()).isTMSEnabled()) {
                    return false;
                }
            }
            return true;
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot instantiate a declared type", e);
        } finally {
            session.dispose();
        }
    }
}
