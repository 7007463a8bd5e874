package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.policyadvisor.check.Constraint;
import org.policyadvisor.check.Constraint.Operator;
import org.policyadvisor.check.Premise;
import org.policyadvisor.check.Term;

/**
 * Reads one condition of a rule, as Drools' DRL parser left it ({@link PatternDescr}), into a {@link Premise}:
 * a vocabulary type, then constraints that each compare one field with a literal or a variable ({@code ==},
 * {@code !=}, {@code in}) or bind a field to a variable. Each constraint is parsed with Drools' expression parser;
 * anything else it finds (a method call, arithmetic, a nested property, {@code ||}, a pattern source such as
 * {@code from}) is refused, naming the construct, at the constraint's position.
 */
final class ConditionReader {

    static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*\"");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,8})");

    private final String file;
    private final String ruleId;
    private final List<org.policyadvisor.check.Diagnostic> problems;

    ConditionReader(String file, String ruleId, List<org.policyadvisor.check.Diagnostic> problems) {
        this.file = file;
        this.ruleId = ruleId;
        this.problems = problems;
    }

    /** The premise, or null when the pattern is outside the grammar (its problems are added). */
    Premise read(PatternDescr pattern, boolean absent, String text) {
        int before = problems.size();
        int line = pattern.getLine();
        int col = pattern.getColumn() + 1;
        String type = pattern.getObjectType();
        if (type == null || !TYPE_NAME.matcher(type).matches()) {
            refuse(line, col, "'" + type + "' is not a vocabulary type name: a condition names a declared type"
                    + " such as TreatySigned, without a package");
        }
        if (pattern.getIdentifier() != null) {
            refuse(line, col, "binding a whole fact ('" + pattern.getIdentifier() + " : " + type + "(...)') is not"
                    + " part of the claim language; bind fields instead ($a : field)");
        }
        if (pattern.getSource() != null) {
            refuse(line, col, "'" + sourceName(pattern) + "' is not part of the claim language: a condition matches"
                    + " the facts of the scenario only");
        }
        if (pattern.isQuery()) {
            refuse(line, col, "a query call is not part of the claim language");
        }
        if (pattern.getBehaviors() != null && !pattern.getBehaviors().isEmpty()) {
            refuse(line, col, "a window or behaviour is not part of the claim language");
        }
        List<Constraint> constraints = new ArrayList<>();
        for (BaseDescr descr : pattern.getDescrs()) {
            if (descr instanceof ExprConstraintDescr expr) {
                constraint(expr, constraints);
            } else {
                refuse(descr.getLine(), descr.getColumn() + 1, "'" + descr.getText() + "' is not part of the claim"
                        + " language");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Premise(type, absent, constraints, text, line, col);
    }

    private static String sourceName(PatternDescr pattern) {
        String kind = pattern.getSource().getClass().getSimpleName().replace("Descr", "").toLowerCase();
        return switch (kind) {
            case "from", "accumulate", "collect" -> kind;
            case "entrypoint" -> "from entry-point";
            case "windowreference" -> "from window";
            default -> "from " + kind;
        };
    }

    private void constraint(ExprConstraintDescr expr, List<Constraint> into) {
        int line = expr.getLine() > 0 ? expr.getLine() : 1;
        int col = expr.getColumn() + 1;
        if (expr.getType() == ExprConstraintDescr.Type.POSITIONAL) {
            refuse(line, col, "positional constraints ('" + expr.getExpression() + "') are not part of the claim"
                    + " language; name the field (field == value)");
            return;
        }
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr parsed = parser.parse(expr.getExpression());
        if (parser.hasErrors() || parsed == null) {
            refuse(line, col, "cannot read the constraint '" + expr.getExpression() + "'");
            return;
        }
        connective(parsed, expr.getExpression(), line, col, into);
    }

    private void connective(ConstraintConnectiveDescr and, String text, int line, int col, List<Constraint> into) {
        if (and.getConnective() != ConnectiveType.AND) {
            in(and, text, line, col, into);
            return;
        }
        for (BaseDescr descr : and.getDescrs()) {
            if (descr instanceof ConstraintConnectiveDescr nested) {
                connective(nested, text, line, col, into);
            } else if (descr instanceof BindingDescr binding) {
                binding(binding, line, col, into);
            } else if (descr instanceof RelationalExprDescr relation) {
                relation(relation, text, line, col, into);
            } else {
                refuse(line, col, "'" + text + "' is not part of the claim language: a constraint compares a field"
                        + " with a literal or a variable (==, !=, in) or binds a field ($a : field)");
            }
        }
    }

    private void binding(BindingDescr binding, int line, int col, List<Constraint> into) {
        if (binding.isUnification()) {
            refuse(line, col, "unification (':=') is not part of the claim language; write " + binding.getVariable()
                    + " : field");
        } else if (!VARIABLE.matcher(binding.getVariable()).matches()) {
            refuse(line, col, "'" + binding.getVariable() + "' is not a variable name; variables start with $");
        } else if (!FIELD_NAME.matcher(binding.getExpression().strip()).matches()) {
            refuse(line, col, "'" + binding.getVariable() + " : " + binding.getExpression() + "' binds an expression;"
                    + " a variable may only take a field's value");
        } else {
            into.add(new Constraint(binding.getExpression().strip(), Operator.BINDS,
                    List.of(Term.variable(binding.getVariable())), line, col));
        }
    }

    private void relation(RelationalExprDescr relation, String text, int line, int col, List<Constraint> into) {
        String operator = relation.getOperator();
        if (relation.isNegated() || relation.getParameters() != null && !relation.getParameters().isEmpty()
                || !(operator.equals("==") || operator.equals("!="))) {
            refuse(line, col, "the operator '" + operator + "' in '" + text + "' is not part of the claim language;"
                    + " use ==, != or in");
            return;
        }
        BaseDescr left = relation.getLeft();
        if (left instanceof BindingDescr binding) {
            binding(binding, line, col, into);
            left = new AtomicExprDescr(binding.getExpression());
        }
        String field = atom(left);
        Term term = term(relation.getRight(), text, line, col);
        if (field == null || !FIELD_NAME.matcher(field).matches()) {
            refuse(line, col, "'" + (field == null ? text : field) + "' is not a field name: "
                    + describe(field == null ? text : field));
            return;
        }
        if (term != null) {
            into.add(new Constraint(field, operator.equals("==") ? Operator.EQUALS : Operator.NOT_EQUALS,
                    List.of(term), line, col));
        }
    }

    /** {@code field in ("a", "b")}, which the expression parser turns into {@code field == "a" || field == "b"}. */
    private void in(ConstraintConnectiveDescr or, String text, int line, int col, List<Constraint> into) {
        String field = null;
        List<Term> terms = new ArrayList<>();
        boolean plain = or.getConnective() == ConnectiveType.OR && !or.getDescrs().isEmpty();
        for (BaseDescr descr : or.getDescrs()) {
            if (!plain) {
                break;
            }
            if (descr instanceof RelationalExprDescr r && r.getOperator().equals("==") && !r.isNegated()
                    && atom(r.getLeft()) != null && (field == null || field.equals(atom(r.getLeft())))) {
                field = atom(r.getLeft());
                Term term = term(r.getRight(), text, line, col);
                if (term == null || term.isVariable()) {
                    plain = false;
                } else {
                    terms.add(term);
                }
            } else {
                plain = false;
            }
        }
        if (!plain || field == null || !FIELD_NAME.matcher(field).matches()) {
            refuse(line, col, "'" + text + "' is not part of the claim language: constraints are joined by ',' only;"
                    + " '||' and '&&' are not, except as field in (\"a\", \"b\")");
            return;
        }
        into.add(new Constraint(field, Operator.IN, terms, line, col));
    }

    private static String atom(BaseDescr descr) {
        return descr instanceof AtomicExprDescr a && !a.isLiteral() ? a.getExpression().strip() : null;
    }

    /** A literal or a variable, or null after refusing anything else. */
    private Term term(BaseDescr descr, String text, int line, int col) {
        if (!(descr instanceof AtomicExprDescr atom)) {
            refuse(line, col, "'" + text + "' compares with an expression; compare with a literal or a variable");
            return null;
        }
        String value = atom.getExpression().strip();
        Term term = literal(value);
        if (term == null && VARIABLE.matcher(value).matches()) {
            term = Term.variable(value);
        }
        if (term == null) {
            refuse(line, col, "'" + value + "' is not a literal or a variable: " + describe(value));
        }
        return term;
    }

    /** A string in double quotes without escapes, {@code true}, {@code false} or an integer; null otherwise. */
    static Term literal(String text) {
        if (STRING.matcher(text).matches()) {
            return Term.literal(text.substring(1, text.length() - 1));
        }
        if (text.equals("true") || text.equals("false")) {
            return Term.literal(Boolean.valueOf(text));
        }
        if (INTEGER.matcher(text).matches()) {
            return Term.literal(Integer.valueOf(text));
        }
        return null;
    }

    /** Names what an expression outside the grammar is, for the message. */
    static String describe(String text) {
        if (text.contains("\\")) {
            return "escape sequences are not part of the claim language";
        }
        if (text.startsWith("'")) {
            return "strings are written in double quotes, without escapes";
        }
        if (text.matches("(?s).*[A-Za-z0-9_$)]\\s*\\(.*") || text.contains("::")) {
            return "method calls are not part of the claim language";
        }
        if (text.matches("(?s).*[+*/%-].*")) {
            return "arithmetic is not part of the claim language";
        }
        if (text.contains(".")) {
            return "nested properties and static fields are not part of the claim language";
        }
        return "only literals (\"text\", true, false, integers), fields and $variables are";
    }

    private void refuse(int line, int col, String message) {
        problems.add(org.policyadvisor.check.Diagnostic.error(file, Math.max(line, 1), Math.max(col, 1), message,
                ruleId));
    }
}
