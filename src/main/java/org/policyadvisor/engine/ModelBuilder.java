package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.drools.model.Drools;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.PatternDSL;
import org.drools.model.RuleItemBuilder;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.policyadvisor.Condition;
import org.policyadvisor.Fact;
import org.policyadvisor.Rule;
import org.policyadvisor.Vocabulary;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.not;
import static org.drools.model.DSL.on;
import static org.drools.model.DSL.execute;
import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.betaIndexedBy;
import static org.drools.model.PatternDSL.pattern;

/**
 * Builds the Drools rule base from checked claims, through Drools' executable model: each condition becomes a
 * pattern over {@link Fact} objects whose constraints are plain comparisons of field values, and each conclusion a
 * logical insertion of a fact whose fields are literals or values of matched facts. No rule text is compiled:
 * the claims are data, and the only code that runs is this class's.
 *
 * <p>A claim whose condition is on a symmetric type becomes one Drools rule for each way its two symmetric fields
 * can be read, since facts of such a type are kept with their fields in one canonical order.
 */
final class ModelBuilder {

    /** The most conditions that must hold in one claim: Drools' consequences take their facts one by one. */
    static final int MAX_PREMISES = 8;

    private final Vocabulary vocabulary;
    private final Map<String, Integer> fieldIds = new TreeMap<>();
    /** Each Drools rule's name and the claim it stands for. */
    private final Map<String, Rule> claims = new LinkedHashMap<>();

    private ModelBuilder(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        TreeSet<String> names = new TreeSet<>();
        vocabulary.types().forEach(t -> t.fields().forEach(f -> names.add(f.name())));
        names.forEach(n -> fieldIds.put(n, fieldIds.size() + 1));
    }

    /** The rule base, and the claim behind each of its rules by rule name. */
    record Built(KieBase kieBase, Map<String, Rule> claims) {
    }

    static Built build(List<Rule> rules, Vocabulary vocabulary) {
        ModelBuilder builder = new ModelBuilder(vocabulary);
        ModelImpl model = new ModelImpl();
        for (Rule rule : rules) {
            List<List<Condition>> variants = vocabulary.readings(rule.conditions());
            for (int v = 0; v < variants.size(); v++) {
                String name = v == 0 ? rule.id() : rule.id() + "#" + v;
                builder.claims.put(name, rule);
                model.addRule(builder.rule(name, rule, variants.get(v)));
            }
        }
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        // Identity, and no change once built: a session keeps its facts in an identity map, which is cheaper. Equal
        // facts are still one fact: truth maintenance merges a derived fact with an equal one (see Evaluation), and
        // an evaluation inserts equal given facts once.
        conf.setOption(EqualityBehaviorOption.IDENTITY);
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(List.<Model>of(model), conf);
        return new Built(kieBase, Map.copyOf(builder.claims));
    }

    /** Where a variable takes its value: the fact matched by a condition that must hold, and a field of it. */
    private record Site(Variable<Fact> fact, String field) {
    }

    private org.drools.model.Rule rule(String name, Rule claim, List<Condition> conditions) {
        List<RuleItemBuilder<?>> items = new ArrayList<>();
        Map<String, Site> sites = new LinkedHashMap<>();
        List<Variable<Fact>> matched = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String where = name + ":" + i;
            Variable<Fact> fact = declarationOf(Fact.class, "$f" + i);
            Map<String, Site> local = new LinkedHashMap<>();
            PatternDSL.PatternDef<Fact> pattern = pattern(fact);
            String type = c.type();
            pattern.expr("type==" + type, f -> type.equals(f.type()),
                    alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, 0, Fact::type, type));
            c.fields().forEach((field, value) -> literal(pattern, type, field, value));
            for (Condition.Restriction r : c.restrictions()) {
                if (r.variable() == null) {
                    List<Object> values = r.values();
                    boolean negated = r.negated();
                    pattern.expr(type + "." + r.field() + (negated ? " not in " : " in ") + values,
                            f -> values.contains(f.fields().get(r.field())) != negated);
                }
            }
            c.variables().forEach((field, variable) -> {
                Site site = sites.get(variable);
                Site here = local.get(variable);
                if (site != null) {
                    join(pattern, where, field, site, true);
                } else if (here != null) {
                    pattern.expr(type + "." + field + "==" + type + "." + here.field(),
                            f -> Objects.equals(f.fields().get(field), f.fields().get(here.field())));
                } else {
                    local.put(variable, new Site(fact, field));
                }
            });
            for (Condition.Restriction r : c.restrictions()) {
                if (r.variable() != null) {
                    Site site = sites.containsKey(r.variable()) ? sites.get(r.variable()) : local.get(r.variable());
                    if (site.fact() == fact) {
                        pattern.expr(type + "." + r.field() + "!=" + type + "." + site.field(),
                                f -> !Objects.equals(f.fields().get(r.field()), f.fields().get(site.field())));
                    } else {
                        join(pattern, where, r.field(), site, false);
                    }
                }
            }
            if (c.absent()) {
                items.add(not(pattern));
            } else {
                items.add(pattern);
                matched.add(fact);
                sites.putAll(local);
            }
        }
        Conclude conclude = new Conclude(claim, conditions, matched, sites, vocabulary);
        items.add(conclude.consequence());
        return PatternDSL.rule("policy", name).build(items.toArray(new RuleItemBuilder<?>[0]));
    }

    private void literal(PatternDSL.PatternDef<Fact> pattern, String type, String field, Object value) {
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        @SuppressWarnings("unchecked")
        Class<Object> kind = (Class<Object>) value.getClass();
        pattern.expr(type + "." + field + "==" + shown, f -> value.equals(f.fields().get(field)),
                alphaIndexedBy(kind, Index.ConstraintType.EQUAL, fieldIds.get(field), f -> f.fields().get(field), value));
    }

    private void join(PatternDSL.PatternDef<Fact> pattern, String where, String field, Site site, boolean equal) {
        String other = site.field();
        if (equal) {
            pattern.expr(where + ":" + field + "==" + site.fact().getName() + "." + other, site.fact(),
                    (f, g) -> Objects.equals(f.fields().get(field), g.fields().get(other)),
                    betaIndexedBy(Object.class, Index.ConstraintType.EQUAL, fieldIds.get(field),
                            f -> f.fields().get(field), g -> g.fields().get(other)));
        } else {
            pattern.expr(where + ":" + field + "!=" + site.fact().getName() + "." + other, site.fact(),
                    (f, g) -> !Objects.equals(f.fields().get(field), g.fields().get(other)));
        }
    }

    /** The action of a rule: each conclusion made from the matched facts and inserted logically. */
    private record Conclude(Rule claim, List<Condition> conditions, List<Variable<Fact>> matched,
                            Map<String, Site> sites, Vocabulary vocabulary) {

        void insert(Drools drools, Fact... facts) {
            for (org.policyadvisor.Conclusion conclusion : claim.conclusions()) {
                TreeMap<String, Object> fields = new TreeMap<>(conclusion.fields());
                conclusion.variables().forEach((field, variable) -> {
                    Site site = sites.get(variable);
                    fields.put(field, facts[matched.indexOf(site.fact())].fields().get(site.field()));
                });
                drools.logicalInsert(vocabulary.canonical(new Fact(conclusion.type(), fields)));
            }
        }

        RuleItemBuilder<?> consequence() {
            List<Variable<Fact>> m = matched;
            return switch (m.size()) {
                case 0 -> execute(drools -> insert(drools));
                case 1 -> on(m.get(0)).execute((drools, a) -> insert(drools, a));
                case 2 -> on(m.get(0), m.get(1)).execute((drools, a, b) -> insert(drools, a, b));
                case 3 -> on(m.get(0), m.get(1), m.get(2)).execute((drools, a, b, c) -> insert(drools, a, b, c));
                case 4 -> on(m.get(0), m.get(1), m.get(2), m.get(3))
                        .execute((drools, a, b, c, d) -> insert(drools, a, b, c, d));
                case 5 -> on(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4))
                        .execute((drools, a, b, c, d, e) -> insert(drools, a, b, c, d, e));
                case 6 -> on(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5))
                        .execute((drools, a, b, c, d, e, f) -> insert(drools, a, b, c, d, e, f));
                case 7 -> on(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5), m.get(6))
                        .execute((drools, a, b, c, d, e, f, g) -> insert(drools, a, b, c, d, e, f, g));
                case 8 -> on(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5), m.get(6), m.get(7))
                        .execute((drools, a, b, c, d, e, f, g, h) -> insert(drools, a, b, c, d, e, f, g, h));
                default -> throw new IllegalStateException("claim " + claim.id() + " has more than " + MAX_PREMISES
                        + " conditions that must hold");
            };
        }
    }
}
