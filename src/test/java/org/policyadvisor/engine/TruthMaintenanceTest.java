package org.policyadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.policyadvisor.RuleSources;

/** Sessions on many threads must find truth maintenance on for every declared type from the start. */
class TruthMaintenanceTest {

    @Test
    void a_built_rule_base_has_truth_maintenance_on_for_every_declared_type_before_any_evaluation() {
        DroolsRuleBase ruleBase = (DroolsRuleBase) new DroolsCompiler().compile(RuleSources.fromDirectory(Path.of("rules")));

        assertThat(FactTypes.of(ruleBase.kieBase())).hasSizeGreaterThan(25);
        assertThat(TruthMaintenance.enabledForDeclaredTypes(ruleBase.kieBase(), FactTypes.of(ruleBase.kieBase())))
                .isTrue();
    }
}
