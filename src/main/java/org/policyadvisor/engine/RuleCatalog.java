package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.Conclusion;
import org.policyadvisor.Hedge;
import org.policyadvisor.InvalidRulesException;
import org.policyadvisor.Problem;

/**
 * Reads each compiled rule's provenance ({@code @id}, {@code @quote}, {@code @source}, {@code @hedge})
 * and joins it with what its text says. A rule without an id, a quote or a known hedge, or with an id
 * another rule already has, makes the rule base invalid.
 */
final class RuleCatalog {

    private RuleCatalog() {
    }

    /** The rules keyed by {@code package.name}, as Drools names them. */
    static Map<String, org.policyadvisor.Rule> read(KieBase kieBase, List<RuleText> parsed) {
        Map<String, FactType> types = FactTypes.of(kieBase);
        Map<String, RuleText> texts = new HashMap<>();
        for (RuleText text : parsed) {
            texts.put(text.key(), text);
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, org.policyadvisor.Rule> rules = new HashMap<>();
        Set<String> ids = new HashSet<>();
        List<Rule> compiled = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            compiled.addAll(pkg.getRules());
        }
        compiled.sort(Comparator.comparing(Rule::getPackageName).thenComparing(Rule::getName));
        for (Rule rule : compiled) {
            String key = rule.getPackageName() + "." + rule.getName();
            Optional<RuleText> text = Optional.ofNullable(texts.get(key));
            String where = text.map(t -> t.file() + ":" + t.line() + ":1").orElse(rule.getName());
            Map<String, Object> meta = rule.getMetaData();
            String id = string(meta.get("id"));
            String quote = string(meta.get("quote"));
            String hedgeWord = string(meta.get("hedge"));
            int before = problems.size();
            if (id.isEmpty()) {
                problems.add(new Problem(where, "rule '" + rule.getName() + "' has no @id"));
            } else if (!ids.add(id)) {
                problems.add(new Problem(where, "duplicate @id(\"" + id + "\")"));
            }
            if (quote.isEmpty()) {
                problems.add(new Problem(where, "rule '" + rule.getName() + "' has no @quote"));
            }
            Optional<Hedge> hedge = Hedge.fromWord(hedgeWord);
            if (hedge.isEmpty()) {
                problems.add(new Problem(where, "rule '" + rule.getName() + "' has "
                        + (hedgeWord.isEmpty() ? "no @hedge" : "unknown @hedge(\"" + hedgeWord + "\")")
                        + "; expected one of stated, will, expected, likely, may, could, alleged"));
            }
            if (problems.size() > before) {
                continue;
            }
            rules.put(key, new org.policyadvisor.Rule(id, rule.getName(), quote, string(meta.get("source")),
                    hedge.get(),
                    text.map(RuleText::conditions).orElse(List.of()),
                    text.map(t -> conclusions(t, types)).orElse(List.of()),
                    text.map(RuleText::file).orElse(""),
                    text.map(RuleText::line).orElse(0)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return rules;
    }

    /** Names the literal and variable constructor arguments by the declared field order. */
    private static List<Conclusion> conclusions(RuleText text, Map<String, FactType> types) {
        List<Conclusion> conclusions = new ArrayList<>();
        for (RuleText.Inserted inserted : text.inserts()) {
            Map<String, Object> fields = new TreeMap<>();
            Map<String, String> variables = new TreeMap<>();
            FactType type = types.get(inserted.type());
            if (type != null) {
                List<FactField> declared = type.getFields();
                for (int i = 0; i < inserted.args().size() && i < declared.size(); i++) {
                    if (inserted.args().get(i) != null) {
                        fields.put(declared.get(i).getName(), inserted.args().get(i));
                    } else if (inserted.variables().get(i) != null) {
                        variables.put(declared.get(i).getName(), inserted.variables().get(i));
                    }
                }
            }
            conclusions.add(new Conclusion(inserted.type(), new TreeMap<>(fields), new TreeMap<>(variables)));
        }
        return conclusions;
    }

    private static String string(Object value) {
        return VocabularyReader.text(value);
    }
}
