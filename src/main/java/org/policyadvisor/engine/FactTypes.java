package org.policyadvisor.engine;

import java.util.Map;
import java.util.TreeMap;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactType;

/** The declared fact types of a KieBase by simple name. */
final class FactTypes {

    private FactTypes() {
    }

    static Map<String, FactType> of(KieBase kieBase) {
        Map<String, FactType> types = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType type : pkg.getFactTypes()) {
                types.put(type.getSimpleName(), type);
            }
        }
        return types;
    }
}
