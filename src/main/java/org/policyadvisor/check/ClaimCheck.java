package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.policyadvisor.Conclusion;
import org.policyadvisor.Condition;
import org.policyadvisor.FactTypeSpec;
import org.policyadvisor.FieldKind;
import org.policyadvisor.FieldSpec;
import org.policyadvisor.Hedge;
import org.policyadvisor.Nearest;
import org.policyadvisor.Rule;
import org.policyadvisor.Vocabulary;

/**
 * Checks every name and literal of the written claims against the vocabulary, in conditions and conclusions: types,
 * fields, actor codes, listed values and booleans, each with "did you mean"; variables bound before they are used,
 * and a variable never carrying a value into a conclusion field that does not accept every value it may hold. A
 * claim that passes becomes a {@link Rule}. Claims whose metadata is wrong are left to {@link MetadataLint}.
 */
public final class ClaimCheck {

    private final Vocabulary vocabulary;
    private final List<Diagnostic> found;
    /** The variables of the current claim already reported as used before they are bound. */
    private final Set<String> unbound = new HashSet<>();

    private ClaimCheck(Vocabulary vocabulary, List<Diagnostic> found) {
        this.vocabulary = vocabulary;
        this.found = found;
    }

    /** The rules of the claims that pass, by id; problems are added to {@code found}. */
    public static List<Rule> check(List<Claim> claims, Vocabulary vocabulary, List<Diagnostic> found) {
        ClaimCheck check = new ClaimCheck(vocabulary, found);
        List<Rule> rules = new ArrayList<>();
        for (Claim claim : claims) {
            Rule rule = check.claim(claim);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** Where a variable was bound: the field it took its value from. */
    private record Binding(FieldSpec field, String type, int premise) {
    }

    private Rule claim(Claim claim) {
        int before = found.size();
        unbound.clear();
        Map<String, Binding> bound = new HashMap<>();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < claim.premises().size(); i++) {
            Condition condition = premise(claim, claim.premises().get(i), i, bound);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        List<Conclusion> conclusions = new ArrayList<>();
        for (Insert insert : claim.inserts()) {
            Conclusion conclusion = conclusion(claim, insert, bound);
            if (conclusion != null) {
                conclusions.add(conclusion);
            }
        }
        Optional<Hedge> hedge = Hedge.fromWord(claim.hedge());
        if (found.size() > before || claim.id().isBlank() || hedge.isEmpty()) {
            return null;
        }
        return new Rule(claim.id(), claim.name(), claim.quote(), claim.source(), hedge.get(), conditions,
                conclusions, claim.file(), claim.line());
    }

    private Condition premise(Claim claim, Premise premise, int index, Map<String, Binding> bound) {
        FactTypeSpec type = type(claim, premise.type(), premise.line(), premise.col());
        if (type == null) {
            return null;
        }
        int before = found.size();
        Map<String, Binding> local = new HashMap<>();
        TreeMap<String, Object> fields = new TreeMap<>();
        TreeMap<String, String> variables = new TreeMap<>();
        List<Condition.Restriction> restrictions = new ArrayList<>();
        for (Constraint c : premise.constraints()) {
            if (c.operator() == Constraint.Operator.BINDS) {
                FieldSpec field = field(claim, type, c.field(), c.line(), c.col());
                String variable = c.term().variable();
                if (field != null && (bound.containsKey(variable) || local.containsKey(variable))) {
                    error(claim, c.line(), c.col(), "variable " + variable + " is bound twice; compare with "
                            + c.field() + " == " + variable + " instead");
                } else if (field != null) {
                    local.put(variable, new Binding(field, type.name(), index));
                    variables.put(c.field(), variable);
                }
            }
        }
        for (Constraint c : premise.constraints()) {
            FieldSpec field = c.operator() == Constraint.Operator.BINDS ? null
                    : field(claim, type, c.field(), c.line(), c.col());
            if (field == null) {
                continue;
            }
            for (Term term : c.terms()) {
                if (term.isVariable()) {
                    Binding b = local.containsKey(term.variable()) ? local.get(term.variable())
                            : bound.get(term.variable());
                    if (b == null) {
                        unbound.add(term.variable());
                        error(claim, c.line(), c.col(), "variable " + term.variable() + " is not bound before it is"
                                + " used; bind it in an earlier condition ($x : field)");
                    } else {
                        compatible(claim, c, b, field, type.name());
                    }
                } else {
                    literal(claim, c.line(), c.col(), type.name(), field, term.literal());
                }
            }
            if (found.size() > before) {
                continue;
            }
            switch (c.operator()) {
                case EQUALS -> {
                    if (c.term().isVariable()) {
                        variables.put(c.field(), c.term().variable());
                    } else {
                        fields.put(c.field(), c.term().literal());
                    }
                }
                case IN -> restrictions.add(new Condition.Restriction(c.field(), false,
                        c.terms().stream().map(t -> (Object) t.literal()).toList(), null));
                case NOT_EQUALS -> restrictions.add(new Condition.Restriction(c.field(), true,
                        c.term().isVariable() ? List.of() : List.of(c.term().literal()), c.term().variable()));
                default -> {
                }
            }
        }
        if (found.size() > before) {
            return null;
        }
        if (!premise.absent()) {
            bound.putAll(local);
        }
        return new Condition(type.name(), fields, premise.absent(), premise.text(), variables, restrictions);
    }

    private Conclusion conclusion(Claim claim, Insert insert, Map<String, Binding> bound) {
        FactTypeSpec type = type(claim, insert.type(), insert.line(), insert.col());
        if (type == null) {
            return null;
        }
        if (insert.args().size() != type.fields().size()) {
            error(claim, insert.line(), insert.col(), "new " + type.name() + "(...) takes " + type.fields().size()
                    + " arguments (" + String.join(", ", type.fields().stream().map(FieldSpec::name).toList())
                    + "), got " + insert.args().size());
            return null;
        }
        int before = found.size();
        TreeMap<String, Object> fields = new TreeMap<>();
        TreeMap<String, String> variables = new TreeMap<>();
        for (int i = 0; i < insert.args().size(); i++) {
            Term arg = insert.args().get(i);
            FieldSpec field = type.fields().get(i);
            if (!arg.isVariable()) {
                literal(claim, insert.line(), insert.col(), type.name(), field, arg.literal());
                fields.put(field.name(), arg.literal());
                continue;
            }
            Binding b = bound.get(arg.variable());
            if (b == null && unbound.contains(arg.variable())) {
                continue; // already reported where it was first used
            } else if (b == null) {
                error(claim, insert.line(), insert.col(), "variable " + arg.variable() + " is not bound in a"
                        + " condition that must hold (a variable of a 'not' condition holds no value)");
            } else {
                narrower(claim, insert, arg.variable(), b, field, type.name());
                variables.put(field.name(), arg.variable());
            }
        }
        return found.size() > before ? null : new Conclusion(type.name(), fields, variables);
    }

    /** A variable may carry into a conclusion only values that the conclusion's field accepts. */
    private void narrower(Claim claim, Insert insert, String variable, Binding b, FieldSpec to, String type) {
        Set<String> lost = new HashSet<>(allowed(b.field()));
        lost.removeAll(allowed(to));
        boolean anyText = b.field().kind() == FieldKind.STRING && !b.field().actor() && b.field().values().isEmpty();
        boolean narrowTarget = to.kind() == FieldKind.STRING && (to.actor() || !to.values().isEmpty());
        if (b.field().kind() != to.kind()) {
            error(claim, insert.line(), insert.col(), "variable " + variable + " holds " + b.field().kind().description()
                    + " (" + b.type() + "." + b.field().name() + ") but " + type + "." + to.name() + " takes "
                    + to.kind().description());
        } else if (!lost.isEmpty() || anyText && narrowTarget) {
            error(claim, insert.line(), insert.col(), "variable " + variable + " carries " + b.type() + "."
                    + b.field().name() + " into " + type + "." + to.name() + ", which does not accept "
                    + (lost.isEmpty() ? "every text" : String.join(", ", lost.stream().sorted().toList())));
        }
    }

    private Set<String> allowed(FieldSpec field) {
        if (field.actor()) {
            return Set.copyOf(vocabulary.actors().keySet());
        }
        return Set.copyOf(field.values());
    }

    private void compatible(Claim claim, Constraint c, Binding b, FieldSpec field, String type) {
        if (b.field().kind() != field.kind()) {
            error(claim, c.line(), c.col(), "'" + c + "' compares " + type + "." + field.name() + " ("
                    + field.kind().description() + ") with " + b.type() + "." + b.field().name() + " ("
                    + b.field().kind().description() + ")");
        }
    }

    private void literal(Claim claim, int line, int col, String type, FieldSpec field, Object value) {
        vocabulary.problem(field, value).ifPresent(p -> error(claim, line, col, type + "." + field.name() + ": " + p));
    }

    private FactTypeSpec type(Claim claim, String name, int line, int col) {
        Optional<FactTypeSpec> type = vocabulary.type(name);
        if (type.isEmpty()) {
            List<String> names = vocabulary.types().stream().map(FactTypeSpec::name).sorted().toList();
            error(claim, line, col, "unknown fact type '" + name + "'" + Nearest.hint(Nearest.of(name, names))
                    + (names.isEmpty() ? "; the vocabulary declares no types" : "; the vocabulary declares "
                    + String.join(", ", names)));
            return null;
        }
        return type.get();
    }

    private FieldSpec field(Claim claim, FactTypeSpec type, String name, int line, int col) {
        Optional<FieldSpec> field = type.field(name);
        if (field.isEmpty()) {
            List<String> names = type.fields().stream().map(FieldSpec::name).toList();
            error(claim, line, col, "unknown field '" + name + "' of " + type.name()
                    + Nearest.hint(Nearest.of(name, names)) + "; expected " + String.join(", ", names));
            return null;
        }
        return field.get();
    }

    private void error(Claim claim, int line, int col, String message) {
        found.add(Diagnostic.error(claim.file(), line, col, message, claim.id()));
    }
}
