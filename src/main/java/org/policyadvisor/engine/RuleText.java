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
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpanderResolver;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.policyadvisor.Condition;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;

/**
 * What the text of a rule says beyond its metadata: where it is, which fact types it needs,
 * which conditions must be absent, and which types it concludes. Read from the parsed DRL
 * (DSLR files are expanded with the DSL files first).
 */
record RuleText(String packageName, String name, String file, int line,
                List<Condition> conditions, List<Inserted> inserts, String consequence) {

    /**
     * A {@code new Type(args)} in the consequence; an argument is its literal value, or null when computed.
     * {@code variables} holds, at the same positions, the name of a bound variable passed as is ({@code $t}), or null.
     */
    record Inserted(String type, List<Object> args, List<String> variables) {
    }

    /** The expander's "Line:[6] [6] Unable to expand: ..." (or "Line 6: ..."): the line and the message. */
    private static final Pattern EXPANDER_LINE =
            Pattern.compile("^\\s*(?:\\[ERR \\d+\\]\\s*)?[Ll]ine:?\\s*\\[?(\\d+)\\]?(?:\\s*\\[\\d+\\])?:?\\s*(.*)$");
    private static final Pattern INSERT = Pattern.compile("insert(?:Logical)?\\s*\\(\\s*new\\s+([A-Za-z_][\\w.]*)\\s*\\(");
    private static final Pattern LITERAL_EQUALS =
            Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*==\\s*(\"[^\"]*\"|true|false|-?\\d+)\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z_]\\w*");
    /** {@code $v : field} or {@code field == $v}: the field's value is the variable's. */
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$[A-Za-z_]\\w*)\\s*:\\s*([A-Za-z_]\\w*)\\s*$");
    private static final Pattern VARIABLE_EQUALS =
            Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*==\\s*(\\$[A-Za-z_]\\w*)\\s*$");

    String key() {
        return packageName + "." + name;
    }

    /** The rules of every file that parses, and the syntax errors of those that do not. */
    record Parsed(List<RuleText> rules, List<Problem> problems) {
    }

    /** Parses every rule file once, before compiling, so a syntax error is reported alone and precisely. */
    static Parsed parse(RuleSources sources) {
        List<RuleText> all = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (RuleSources.File file : sources.ruleFiles()) {
            if (file.path().endsWith(".dsl")) {
                problems.addAll(dslProblems(file));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), List.copyOf(problems));
        }
        for (ParsedFile file : files(sources)) {
            problems.addAll(file.problems());
            if (file.pkg() != null) {
                for (RuleDescr rule : file.pkg().getRules()) {
                    all.add(of(file.pkg().getName(), rule, file.path(), file.drl(), file.sentences()));
                }
            }
        }
        return new Parsed(List.copyOf(all), List.copyOf(problems));
    }

    /**
     * A rule file as the parser read it: its DRL (a DSLR file expanded), the lines of a DSLR file (see
     * {@link #sentences}), and its package, or the problems that kept it from parsing, located.
     * {@code pkg} is null when the file did not parse.
     */
    record ParsedFile(String path, String drl, String[] sentences, PackageDescr pkg, List<Problem> problems) {
    }

    /** Every rule file but the DSL files, expanded and parsed one by one, in the order of the sources. */
    static List<ParsedFile> files(RuleSources sources) {
        List<ParsedFile> files = new ArrayList<>();
        for (RuleSources.File file : sources.ruleFiles()) {
            if (!file.path().endsWith(".dsl")) {
                files.add(file(file, sources));
            }
        }
        return files;
    }

    private static ParsedFile file(RuleSources.File file, RuleSources sources) {
        String drl;
        try {
            drl = file.path().endsWith(".dslr") ? expand(file.text(), sources) : file.text();
        } catch (DroolsParserException e) {
            return new ParsedFile(file.path(), null, null, null, expansionProblems(file.path(), e.getMessage()));
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            return new ParsedFile(file.path(), drl, null, null, List.of(new Problem(file.path(), String.valueOf(e.getMessage()))));
        }
        if (parser.hasErrors()) {
            List<Problem> problems = new ArrayList<>();
            for (DroolsError error : parser.getErrors()) {
                problems.add(new Problem(where(file.path(), error), error.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")));
            }
            return new ParsedFile(file.path(), drl, null, null, List.copyOf(problems));
        }
        return new ParsedFile(file.path(), drl, sentences(file), pkg, List.of());
    }

    /** A DSL file's own syntax, checked alone so that its errors carry its name. */
    private static List<Problem> dslProblems(RuleSources.File file) {
        DSLTokenizedMappingFile dsl = new DSLTokenizedMappingFile();
        try {
            if (dsl.parseAndLoad(new StringReader(file.text()))) {
                return List.of();
            }
        } catch (IOException | RuntimeException e) {
            return List.of(new Problem(file.path(), "cannot read the DSL: " + e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        for (KnowledgeBuilderResult error : dsl.getErrors()) {
            int[] lines = error.getLines();
            String where = lines != null && lines.length > 0 && lines[0] > 0 ? file.path() + ":" + lines[0] + ":1" : file.path();
            problems.add(new Problem(where, error.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")));
        }
        return problems.isEmpty() ? List.of(new Problem(file.path(), "cannot read the DSL")) : problems;
    }

    private static String where(String path, DroolsError error) {
        if (error instanceof ParserError p && p.getRow() > 0) {
            return path + ":" + p.getRow() + ":" + (p.getCol() + 1);
        }
        int[] lines = error.getLines();
        return lines != null && lines.length > 0 && lines[0] > 0 ? path + ":" + lines[0] + ":1" : path;
    }

    /** The lines of a DSLR file, which {@link #of} shows its rules' conditions as; null for any other file. */
    static String[] sentences(RuleSources.File file) {
        return file.path().endsWith(".dslr") ? file.text().split("\\R", -1) : null;
    }

    /**
     * {@code sentences}: the lines of the DSLR file the DRL was expanded from, or null for a DRL file. The expansion
     * keeps line numbers, so a condition of a DSLR rule is shown as the sentence an analyst wrote (which states the
     * absence itself, as in "South Korea keeps no engagement policy towards North Korea"), not as expanded DRL.
     */
    static RuleText of(String pkg, RuleDescr rule, String file, String drl, String[] sentences) {
        List<Condition> conditions = new ArrayList<>();
        collect(rule.getLhs(), drl, sentences, conditions, false);
        String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        List<Inserted> inserts = new ArrayList<>();
        Matcher m = INSERT.matcher(consequence);
        while (m.find()) {
            String type = m.group(1);
            List<String> raw = args(consequence, m.end());
            inserts.add(new Inserted(type.substring(type.lastIndexOf('.') + 1),
                    raw.stream().map(a -> a.matches("\"[^\"]*\"|true|false|-?\\d+") ? literal(a) : null).toList(),
                    raw.stream().map(a -> VARIABLE.matcher(a).matches() ? a : null).toList()));
        }
        return new RuleText(pkg, rule.getName(), file, rule.getLine(), List.copyOf(conditions),
                List.copyOf(inserts), consequence);
    }

    private static void collect(BaseDescr descr, String drl, String[] sentences, List<Condition> conditions,
                                boolean negated) {
        if (descr instanceof NotDescr not) {
            for (BaseDescr inner : not.getDescrs()) {
                collect(inner, drl, sentences, conditions, true);
            }
        } else if (descr instanceof PatternDescr pattern) {
            if (pattern.getObjectType() != null) {
                Map<String, Object> literals = new TreeMap<>();
                Map<String, String> variables = new TreeMap<>();
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr expr) {
                        Matcher lit = LITERAL_EQUALS.matcher(expr.getExpression());
                        Matcher bound = BINDING.matcher(expr.getExpression());
                        Matcher joined = VARIABLE_EQUALS.matcher(expr.getExpression());
                        if (lit.matches()) {
                            literals.put(lit.group(1), literal(lit.group(2)));
                        } else if (bound.matches()) {
                            variables.put(bound.group(2), bound.group(1));
                        } else if (joined.matches()) {
                            variables.put(joined.group(1), joined.group(2));
                        }
                    }
                }
                String sentence = sentence(pattern, sentences);
                String text = sentence != null ? sentence : (negated ? "not " : "") + source(pattern, drl);
                conditions.add(new Condition(pattern.getObjectType(), new TreeMap<>(literals), negated, text,
                        new TreeMap<>(variables)));
            }
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr inner : ce.getDescrs()) {
                collect(inner, drl, sentences, conditions, negated);
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
    private static List<String> args(String code, int from) {
        List<String> args = new ArrayList<>();
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

    private static void addArg(List<String> args, CharSequence raw) {
        String arg = raw.toString().strip();
        if (!arg.isEmpty()) {
            args.add(arg);
        }
    }

    /** The DSLR lines a pattern was expanded from, joined; null for a DRL file or a pattern without lines. */
    private static String sentence(BaseDescr descr, String[] sentences) {
        int first = descr.getLine();
        if (sentences == null || first < 1 || first > sentences.length) {
            return null;
        }
        int last = Math.min(Math.max(descr.getEndLine(), first), sentences.length);
        StringBuilder text = new StringBuilder();
        for (int line = first; line <= last; line++) {
            String part = sentences[line - 1].strip();
            if (!part.isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append(part);
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static String source(BaseDescr descr, String drl) {
        int start = descr.getStartCharacter();
        int end = descr.getEndCharacter();
        if (start >= 0 && end > start && end <= drl.length()) {
            return drl.substring(start, end).strip().replaceAll("\\s+", " ");
        }
        return descr.getText() == null ? "not (...)" : descr.getText();
    }

    /** The DRL of a DSLR file, expanded with every DSL file; null when it cannot be expanded. */
    private static String expand(String dslr, RuleSources sources) throws DroolsParserException {
        StringBuilder dsl = new StringBuilder();
        for (RuleSources.File file : sources.ruleFiles()) {
            if (file.path().endsWith(".dsl")) {
                dsl.append(file.text()).append('\n');
            }
        }
        try {
            return new DrlParser().getExpandedDRL(dslr, new DefaultExpanderResolver(new StringReader(dsl.toString())));
        } catch (IOException | RuntimeException e) {
            throw new DroolsParserException("cannot read the DSL files: " + e.getMessage(), e);
        }
    }

    /** The expander reports each sentence it cannot map as "[ERR 0] Line N:..." lines in one message. */
    private static List<Problem> expansionProblems(String path, String message) {
        List<Problem> problems = new ArrayList<>();
        for (String line : String.valueOf(message).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher at = EXPANDER_LINE.matcher(line);
            problems.add(at.matches() ? new Problem(path + ":" + at.group(1) + ":1", at.group(2).strip())
                    : new Problem(path, line.strip()));
        }
        return problems.isEmpty() ? List.of(new Problem(path, "cannot expand with the DSL files")) : problems;
    }
}
