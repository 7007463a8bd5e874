package org.policyadvisor.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.lang.dsl.DefaultExpanderResolver;
import org.policyadvisor.Condition;
import org.policyadvisor.RuleSources;

/**
 * What the text of a rule says beyond its metadata: where it is, which fact types it needs,
 * which conditions must be absent, and which types it concludes. Read from the parsed DRL
 * (DSLR files are expanded with the DSL files first).
 */
record RuleText(String packageName, String name, String file, int line,
                List<Condition> conditions, List<Inserted> inserts, String consequence) {

    /** A {@code new Type(args)} in the consequence; an argument is its literal value, or null when computed. */
    record Inserted(String type, List<Object> args) {
    }

    private static final Pattern INSERT = Pattern.compile("insert(?:Logical)?\\s*\\(\\s*new\\s+([A-Za-z_][\\w.]*)\\s*\\(");
    private static final Pattern LITERAL_EQUALS =
            Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*==\\s*(\"[^\"]*\"|true|false|-?\\d+)\\s*$");

    String key() {
        return packageName + "." + name;
    }

    /** Parses every rule file; files that do not parse are skipped (the compiler reports them). */
    static List<RuleText> read(RuleSources sources) {
        List<RuleText> all = new ArrayList<>();
        for (RuleSources.File file : sources.ruleFiles()) {
            if (file.path().endsWith(".dsl")) {
                continue;
            }
            String drl = file.path().endsWith(".dslr") ? expand(file.text(), sources) : file.text();
            if (drl == null) {
                continue;
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, drl);
            } catch (DroolsParserException e) {
                continue;
            }
            if (pkg == null || parser.hasErrors()) {
                continue;
            }
            for (RuleDescr rule : pkg.getRules()) {
                all.add(of(pkg.getName(), rule, file.path(), drl));
            }
        }
        return all;
    }

    private static RuleText of(String pkg, RuleDescr rule, String file, String drl) {
        List<Condition> conditions = new ArrayList<>();
        collect(rule.getLhs(), drl, conditions, false);
        String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        List<Inserted> inserts = new ArrayList<>();
        Matcher m = INSERT.matcher(consequence);
        while (m.find()) {
            String type = m.group(1);
            inserts.add(new Inserted(type.substring(type.lastIndexOf('.') + 1), args(consequence, m.end())));
        }
        return new RuleText(pkg, rule.getName(), file, rule.getLine(), List.copyOf(conditions),
                List.copyOf(inserts), consequence);
    }

    private static void collect(BaseDescr descr, String drl, List<Condition> conditions, boolean negated) {
        if (descr instanceof NotDescr not) {
            for (BaseDescr inner : not.getDescrs()) {
                collect(inner, drl, conditions, true);
            }
        } else if (descr instanceof PatternDescr pattern) {
            if (pattern.getObjectType() != null) {
                Map<String, Object> literals = new TreeMap<>();
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr expr) {
                        Matcher lit = LITERAL_EQUALS.matcher(expr.getExpression());
                        if (lit.matches()) {
                            literals.put(lit.group(1), literal(lit.group(2)));
                        }
                    }
                }
                String text = source(pattern, drl);
                conditions.add(Condition.of(pattern.getObjectType(), literals, negated,
                        negated ? "not " + text : text));
            }
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr inner : ce.getDescrs()) {
                collect(inner, drl, conditions, negated);
            }
        }
    }

    private static Object literal(String token) {
        if (token.startsWith("\"")) {
            return token.substring(1, token.length() - 1);
        }
        if (token.equals("true") || token.equals("false")) {
            return Boolean.valueOf(token);
        }
        return Integer.valueOf(token);
    }

    /** The arguments of the constructor call whose '(' ends at {@code from}, split at top-level commas. */
    private static List<Object> args(String code, int from) {
        List<Object> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quoted) {
                current.append(c);
                if (c == '"' && code.charAt(i - 1) != '\\') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                addArg(args, current);
                return args;
            } else if (c == ',' && depth == 0) {
                addArg(args, current);
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    private static void addArg(List<Object> args, CharSequence raw) {
        String arg = raw.toString().strip();
        if (arg.isEmpty()) {
            return;
        }
        args.add(arg.matches("\"[^\"]*\"|true|false|-?\\d+") ? literal(arg) : null);
    }

    private static String source(BaseDescr descr, String drl) {
        int start = descr.getStartCharacter();
        int end = descr.getEndCharacter();
        if (start >= 0 && end > start && end <= drl.length()) {
            return drl.substring(start, end).strip().replaceAll("\\s+", " ");
        }
        return descr.getText() == null ? "not (...)" : descr.getText();
    }

    private static String expand(String dslr, RuleSources sources) {
        try {
            StringBuilder dsl = new StringBuilder();
            for (RuleSources.File file : sources.ruleFiles()) {
                if (file.path().endsWith(".dsl")) {
                    dsl.append(file.text()).append('\n');
                }
            }
            return new DrlParser().getExpandedDRL(dslr, new DefaultExpanderResolver(new StringReader(dsl.toString())));
        } catch (IOException | DroolsParserException e) {
            return null;
        }
    }
}
