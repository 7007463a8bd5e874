package org.policyadvisor.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.lang.dsl.DefaultExpanderResolver;
import org.policyadvisor.RuleSources;

/**
 * What the text of a rule says beyond its metadata: where it is, which fact types it needs,
 * which conditions must be absent, and which types it concludes. Read from the parsed DRL
 * (DSLR files are expanded with the DSL files first).
 */
record RuleText(String packageName, String name, String file, int line,
                List<String> needs, List<String> absent, List<String> concludes, String consequence) {

    private static final Pattern INSERT = Pattern.compile("insert(?:Logical)?\\s*\\(\\s*new\\s+([A-Za-z_][\\w.]*)\\s*\\(");

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
        Set<String> needs = new LinkedHashSet<>();
        List<String> absent = new ArrayList<>();
        collect(rule.getLhs(), drl, needs, absent, false);
        String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        Set<String> concludes = new LinkedHashSet<>();
        Matcher m = INSERT.matcher(consequence);
        while (m.find()) {
            String type = m.group(1);
            concludes.add(type.substring(type.lastIndexOf('.') + 1));
        }
        return new RuleText(pkg, rule.getName(), file, rule.getLine(), List.copyOf(needs), List.copyOf(absent),
                List.copyOf(concludes), consequence);
    }

    private static void collect(BaseDescr descr, String drl, Set<String> needs, List<String> absent, boolean negated) {
        if (descr instanceof NotDescr not) {
            absent.add(source(not, drl));
            for (BaseDescr inner : not.getDescrs()) {
                collect(inner, drl, needs, absent, true);
            }
        } else if (descr instanceof PatternDescr pattern) {
            if (!negated && pattern.getObjectType() != null) {
                needs.add(pattern.getObjectType());
            }
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr inner : ce.getDescrs()) {
                collect(inner, drl, needs, absent, negated);
            }
        }
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
