package org.policyadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.Fact;
import org.policyadvisor.Fixtures;
import org.policyadvisor.RuleSources;

/** Declared types are built through their constructor and read through their getters, field for field. */
class FieldAccessTest {

    private static DroolsRuleBase compile(Path dir) {
        return (DroolsRuleBase) new DroolsCompiler().compile(RuleSources.fromDirectory(dir));
    }

    /** The type and its fields carry no annotations at all, which a vocabulary must also take. */
    @Test
    void fields_declared_out_of_name_order_land_in_their_own_field() {
        DroolsRuleBase ruleBase = compile(Fixtures.rulesDir(Map.of("types.drl", """
                package types;
                declare Mixed
                    zeta : String @key
                    count : int
                    alpha : String
                    flag : boolean
                    beta : String
                end
                """)));
        SessionTypes types = ruleBase.types();
        FactType type = FactTypes.of(ruleBase.kieBase()).get("Mixed");
        Fact fact = Fact.of("Mixed", Map.of("zeta", "z", "count", 3, "alpha", "a", "flag", true, "beta", "b"));

        SessionTypes.Reader reader = types.reader(type.getFactClass());
        Object object = types.write(fact);

        assertThat(reader.access().reads()).isTrue();
        assertThat(reader.access().create(fact)).isNotNull();
        assertThat(type.getAsMap(object))
                .isEqualTo(Map.of("zeta", "z", "count", 3, "alpha", "a", "flag", true, "beta", "b"));
        assertThat(reader.read(object)).isEqualTo(fact);
    }

    @Test
    void every_type_of_the_article_is_built_and_read_the_fast_way_and_round_trips() {
        DroolsRuleBase ruleBase = compile(Path.of("rules"));
        SessionTypes types = ruleBase.types();

        for (FactType type : FactTypes.of(ruleBase.kieBase()).values()) {
            SessionTypes.Reader reader = types.reader(type.getFactClass());
            Object[] values = new Object[reader.shape().fields().size()];
            for (int i = 0; i < values.length; i++) {
                Class<?> kind = reader.fields()[i].getType();
                values[i] = kind == String.class ? "v" + i
                        : kind == boolean.class || kind == Boolean.class ? i % 2 == 0 : i;
            }
            Fact fact = reader.shape().fact(values);

            assertThat(reader.access().reads()).as(type.getName()).isTrue();
            assertThat(reader.access().create(fact)).as(type.getName()).isNotNull();
            assertThat(reader.read(types.write(fact))).as(type.getName()).isEqualTo(fact);
        }
    }
}
