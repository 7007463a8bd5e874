package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.List;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import org.policyadvisor.check.Diagnostic;
import org.policyadvisor.check.Insert;
import org.policyadvisor.check.Term;

/**
 * Reads the action of a rule ({@code then ... end}) with a Java parser into the conclusions it states. The only
 * statement of the claim language is {@code insertLogical(new Type(arg, ...));}, whose arguments are literals or
 * variables bound in the conditions; any other statement, call or expression is refused, naming it, at its
 * position in the rule file. Nothing is compiled.
 */
final class ConclusionReader {

    private static final String FORM = "a conclusion is insertLogical(new Type(arg, ...)); with literal or $variable"
            + " arguments";

    private final String file;
    private final String ruleId;
    private final List<Diagnostic> problems;

    ConclusionReader(String file, String ruleId, List<Diagnostic> problems) {
        this.file = file;
        this.ruleId = ruleId;
        this.problems = problems;
    }

    /**
     * The conclusions of the action text that starts at {@code line}:{@code col} of the file, or an empty list
     * after adding the problems when any part of it is outside the grammar.
     */
    List<Insert> read(String action, int line, int col) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setPreprocessUnicodeEscapes(false)
                .setAttributeComments(false));
        ParseResult<BlockStmt> parsed = parser.parseBlock("{" + action + "\n}");
        int before = problems.size();
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            Problem first = parsed.getProblems().isEmpty() ? null : parsed.getProblems().get(0);
            Position at = first == null ? null : first.getLocation().flatMap(l -> l.getBegin().getRange())
                    .map(r -> r.begin).orElse(null);
            refuse(at, line, col, "cannot read the action: " + (first == null ? "not Java statements"
                    : first.getMessage().lines().findFirst().orElse("")) + "; " + FORM);
            return List.of();
        }
        List<Insert> inserts = new ArrayList<>();
        for (Statement statement : parsed.getResult().get().getStatements()) {
            Insert insert = statement(statement, line, col);
            if (insert != null) {
                inserts.add(insert);
            }
        }
        if (inserts.isEmpty() && problems.size() == before) {
            refuse(null, line, col, "the rule concludes nothing; " + FORM);
        }
        return problems.size() > before ? List.of() : inserts;
    }

    private Insert statement(Statement statement, int line, int col) {
        if (!(statement instanceof ExpressionStmt expr) || !(expr.getExpression() instanceof MethodCallExpr call)) {
            refuse(begin(statement), line, col, "'" + firstLine(statement) + "' is not part of the claim language; "
                    + FORM);
            return null;
        }
        String name = call.getNameAsString();
        if (call.getScope().isPresent() || call.getTypeArguments().isPresent()
                || !(name.equals("insertLogical") || name.equals("insert"))) {
            refuse(begin(call), line, col, "the call '" + call.getScope().map(s -> s + ".").orElse("") + name
                    + "(...)' is not part of the claim language; " + FORM);
            return null;
        }
        if (name.equals("insert")) {
            refuse(begin(call), line, col, "insert(...) keeps what it concludes when its premises are withdrawn;"
                    + " use insertLogical(...)");
            return null;
        }
        if (call.getArguments().size() != 1 || !(call.getArgument(0) instanceof ObjectCreationExpr created)) {
            refuse(begin(call), line, col, "insertLogical takes one 'new Type(...)'; " + FORM);
            return null;
        }
        if (created.getAnonymousClassBody().isPresent()) {
            refuse(begin(created), line, col, "an anonymous class body ('new " + created.getType() + "(...) { ... }') is"
                    + " not part of the claim language; " + FORM);
            return null;
        }
        if (created.getScope().isPresent()
                || created.getTypeArguments().isPresent() || created.getType().getScope().isPresent()
                || created.getType().getTypeArguments().isPresent()
                || !ConditionReader.TYPE_NAME.matcher(created.getType().getNameAsString()).matches()) {
            refuse(begin(created), line, col, "'new " + created.getType() + "' is not a vocabulary type; " + FORM);
            return null;
        }
        List<Term> args = new ArrayList<>();
        for (Expression arg : created.getArguments()) {
            Term term = term(arg);
            if (term == null) {
                refuse(begin(arg), line, col, "the argument '" + arg + "' is not a literal or a variable: "
                        + ConditionReader.describe(arg.toString()));
                return null;
            }
            args.add(term);
        }
        Position at = begin(created);
        return new Insert(created.getType().getNameAsString(), args, lineOf(at, line), colOf(at, line, col));
    }

    private static Term term(Expression arg) {
        if (arg instanceof StringLiteralExpr s) {
            return s.getValue().contains("\\") ? null : Term.literal(s.getValue());
        }
        if (arg instanceof BooleanLiteralExpr b) {
            return Term.literal(b.getValue());
        }
        if (arg instanceof IntegerLiteralExpr || arg instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
                && u.getExpression() instanceof IntegerLiteralExpr) {
            return ConditionReader.literal(arg.toString().replace(" ", ""));
        }
        if (arg instanceof NameExpr n && ConditionReader.VARIABLE.matcher(n.getNameAsString()).matches()) {
            return Term.variable(n.getNameAsString());
        }
        return null;
    }

    private static Position begin(Node node) {
        return node.getBegin().orElse(null);
    }

    private static String firstLine(Node node) {
        return node.toString().lines().findFirst().orElse("").strip();
    }

    /** The parsed text starts with '{' on the action's first line: its line 1 is {@code line}, shifted one column. */
    private static int lineOf(Position at, int line) {
        return at == null ? line : line + at.line - 1;
    }

    private static int colOf(Position at, int line, int col) {
        if (at == null) {
            return col;
        }
        return at.line == 1 ? col + at.column - 2 : at.column;
    }

    private void refuse(Position at, int line, int col, String message) {
        problems.add(Diagnostic.error(file, lineOf(at, line), Math.max(colOf(at, line, col), 1), message, ruleId));
    }
}
