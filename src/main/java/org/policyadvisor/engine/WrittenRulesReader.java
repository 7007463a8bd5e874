package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.policyadvisor.Conclusion;
import org.policyadvisor.RuleSources;
import org.policyadvisor.check.Claim;
import org.policyadvisor.check.DeclaredType;
import org.policyadvisor.check.WrittenRules;

/**
 * Reads what each rule file says, file by file, with the Drools parser only (nothing is compiled):
 * the rules with their metadata and its positions, and the declared types. A file that does not parse
 * is listed, not read.
 */
final class WrittenRulesReader {

    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    /** {@code insert(}, not preceded by a letter, digit or dot: not {@code insertLogical(}, not {@code x.insert(}. */
    private static final Pattern PLAIN_INSERT = Pattern.compile("(?<![\\w.$])insert\\s*\\(");

    private WrittenRulesReader() {
    }

    static WrittenRules read(RuleSources sources) {
        List<RuleText.ParsedFile> parsed = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        for (RuleText.ParsedFile file : RuleText.files(sources)) {
            if (file.pkg() == null) {
                unparsed.add(file.path());
            } else {
                parsed.add(file);
            }
        }
        List<DeclaredType> types = new ArrayList<>();
        parsed.forEach(p -> p.pkg().getTypeDeclarations().forEach(t -> types.add(type(t, p.path()))));
        Map<String, DeclaredType> byName = new HashMap<>();
        types.forEach(t -> byName.putIfAbsent(t.name(), t));
        List<Claim> claims = new ArrayList<>();
        for (RuleText.ParsedFile p : parsed) {
            String code = CodePolicy.blankCommentsAndStrings(p.drl());
            for (RuleDescr rule : p.pkg().getRules()) {
                claims.add(claim(RuleText.of(p.pkg().getName(), rule, p.path(), p.drl(), p.sentences()), rule, p.drl(),
                        code, byName));
            }
        }
        return new WrittenRules(claims, types, unparsed);
    }

    private static DeclaredType type(TypeDeclarationDescr t, String file) {
        AnnotationDescr opposite = t.getAnnotation("opposite");
        return new DeclaredType(t.getTypeName(), new ArrayList<>(t.getFields().keySet()),
                opposite == null ? "" : unquote(opposite.getSingleValueAsString()), file, t.getLine());
    }

    /** {@code code}: the file's DRL with comments and strings blanked out, offsets kept. */
    private static Claim claim(RuleText text, RuleDescr rule, String drl, String code, Map<String, DeclaredType> types) {
        Map<String, Claim.Tag> tags = new LinkedHashMap<>();
        for (AnnotationDescr a : rule.getAnnotations()) {
            int[] at = position(drl, rule, a.getName());
            tags.put(a.getName(), new Claim.Tag(unquote(a.getSingleValueAsString()), at[0], at[1]));
        }
        List<Conclusion> conclusions = new ArrayList<>();
        for (RuleText.Inserted inserted : text.inserts()) {
            Map<String, Object> fields = new TreeMap<>();
            DeclaredType type = types.get(inserted.type());
            for (int i = 0; type != null && i < inserted.args().size() && i < type.fields().size(); i++) {
                if (inserted.args().get(i) != null) {
                    fields.put(type.fields().get(i), inserted.args().get(i));
                }
            }
            conclusions.add(new Conclusion(inserted.type(), new TreeMap<>(fields)));
        }
        return new Claim(rule.getName(), tags, text.conditions(), conclusions, text.file(), text.line(),
                rule.getEndLine(), plainInserts(drl, code, rule));
    }

    /** Each {@code insert(...)} in the rule's action (not {@code insertLogical}), outside comments and strings. */
    private static List<Claim.Tag> plainInserts(String drl, String code, RuleDescr rule) {
        Matcher then = within(THEN.matcher(code), rule, code);
        if (!then.find()) {
            return List.of();
        }
        List<Claim.Tag> found = new ArrayList<>();
        Matcher m = PLAIN_INSERT.matcher(code).region(then.end(), then.regionEnd());
        while (m.find()) {
            int[] at = lineAndColumn(drl, m.start());
            found.add(new Claim.Tag(m.group().replaceAll("\\s+", ""), at[0], at[1]));
        }
        return found;
    }

    /** The line and column of {@code @name(} within the rule's text; the parser does not keep them. */
    private static int[] position(String drl, RuleDescr rule, String name) {
        Matcher m = within(Pattern.compile("@" + Pattern.quote(name) + "\\s*\\(").matcher(drl), rule, drl);
        return m.find() ? lineAndColumn(drl, m.start()) : new int[] {0, 0};
    }

    /** The matcher, limited to the rule's own text (all of it when the parser did not say where the rule ends). */
    private static Matcher within(Matcher matcher, RuleDescr rule, String text) {
        int start = Math.max(rule.getStartCharacter(), 0);
        int end = rule.getEndCharacter() > start ? Math.min(rule.getEndCharacter(), text.length()) : text.length();
        return matcher.region(start, end);
    }

    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    /** Annotation values keep their DRL quotes and escapes; a quote may contain {@code \"}. */
    private static String unquote(String value) {
        String s = value == null ? "" : value.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }
}
