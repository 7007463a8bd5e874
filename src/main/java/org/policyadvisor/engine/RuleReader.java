package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.policyadvisor.RuleSources;
import org.policyadvisor.check.Claim;
import org.policyadvisor.check.DeclaredType;
import org.policyadvisor.check.Diagnostic;
import org.policyadvisor.check.Insert;
import org.policyadvisor.check.Premise;
import org.policyadvisor.check.WrittenRules;

/**
 * Reads rule files with Drools' own parsers (DSL expander, DRL parser, expression parser) and a Java parser into
 * the written claim model, refusing everything outside the claim language at {@code file:line:col}, naming the
 * construct. A file with any refusal contributes nothing. Reading parses text only: nothing is compiled or run.
 *
 * <p>The claim language: the vocabulary file ({@value #VOCABULARY}) declares types and nothing else; every other
 * file holds rules, each with the metadata {@code @id}, {@code @source}, {@code @quote} and {@code @hedge},
 * conditions that match vocabulary types (present, or absent with {@code not}) and conclusions
 * {@code insertLogical(new Type(...))}.
 */
public final class RuleReader {

    public static final String VOCABULARY = "vocabulary.drl";
    static final Set<String> TAGS = Set.of("id", "source", "quote", "hedge");

    private RuleReader() {
    }

    /** Every rule file of the sources, read and checked against the grammar (files read before come from the cache). */
    public static WrittenRules read(RuleSources sources) {
        return read(sources, ParseCache.user());
    }

    static WrittenRules read(RuleSources sources, ParseCache cache) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<DeclaredType> types = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        String dslText = dslText(sources);
        DslSentences dsl = null;
        for (RuleSources.File file : sources.ruleFiles()) {
            String key = ParseCache.key(file, dslText);
            ParseCache.Entry entry = cache.get(key).orElse(null);
            if (entry == null) {
                if (dsl == null) {
                    dsl = DslSentences.read(sources);
                }
                entry = readFile(key, file, dsl);
                cache.put(entry);
            }
            if (entry.problems().isEmpty()) {
                claims.addAll(entry.claims());
                types.addAll(entry.types());
            } else {
                problems.addAll(entry.problems());
                unparsed.add(file.path());
            }
        }
        if (sources.file(VOCABULARY).isEmpty()) {
            problems.add(Diagnostic.error(VOCABULARY, 1, 1, "no vocabulary file: declare the fact types in "
                    + VOCABULARY, ""));
        }
        return new WrittenRules(claims, types, problems, unparsed);
    }

    /** Every DSL file's text, in path order: what a DSLR file's reading depends on besides its own text. */
    private static String dslText(RuleSources sources) {
        StringBuilder text = new StringBuilder();
        sources.ruleFiles().stream().filter(f -> f.path().endsWith(".dsl"))
                .forEach(f -> text.append(f.path()).append('\0').append(f.text()).append('\0'));
        return text.toString();
    }

    /** One file read: a DSL file's own problems, or a rule file's claims, types and problems. */
    private static ParseCache.Entry readFile(String key, RuleSources.File file, DslSentences dsl) {
        if (file.path().endsWith(".dsl")) {
            return new ParseCache.Entry(key, List.of(), List.of(), dsl.problems().stream()
                    .filter(d -> d.file().equals(file.path())).toList());
        }
        List<Diagnostic> found = new ArrayList<>();
        List<Claim> fileClaims = new ArrayList<>();
        List<DeclaredType> fileTypes = new ArrayList<>();
        readFile(file, dsl, found, fileClaims, fileTypes);
        return found.isEmpty() ? new ParseCache.Entry(key, fileClaims, fileTypes, List.of())
                : new ParseCache.Entry(key, List.of(), List.of(), found);
    }

    private static void readFile(RuleSources.File file, DslSentences dsl, List<Diagnostic> found, List<Claim> claims,
                                 List<DeclaredType> types) {
        if (!lexical(file, found)) {
            return;
        }
        String drl = file.text();
        Map<Integer, DslSentences.Sentence> origins = Map.of();
        if (file.path().endsWith(".dslr")) {
            DslSentences.Expanded expanded = dsl.expand(file, found);
            if (expanded == null) {
                return;
            }
            drl = expanded.drl();
            origins = expanded.origins();
        }
        PackageDescr pkg = parse(file.path(), drl, found);
        if (pkg == null) {
            annotate(found, 0, origins);
            return;
        }
        packageLevel(pkg, file.path(), found);
        boolean vocabulary = file.path().equals(VOCABULARY);
        if (vocabulary) {
            types.addAll(VocabularyFileReader.read(pkg, file.path(), found));
            for (RuleDescr rule : pkg.getRules()) {
                found.add(Diagnostic.error(file.path(), rule.getLine(), 1, "the vocabulary file declares types only;"
                        + " put rule '" + rule.getName() + "' in another file", ""));
            }
            return;
        }
        if (!pkg.getTypeDeclarations().isEmpty() || !pkg.getEnumDeclarations().isEmpty()) {
            int line = !pkg.getTypeDeclarations().isEmpty() ? pkg.getTypeDeclarations().get(0).getLine()
                    : pkg.getEnumDeclarations().get(0).getLine();
            found.add(Diagnostic.error(file.path(), line, 1, "'declare' belongs in " + VOCABULARY
                    + "; a rule file holds rules only", ""));
        }
        String[] lines = drl.split("\\R", -1);
        String[] written = file.text().split("\\R", -1);
        for (RuleDescr rule : pkg.getRules()) {
            int before = found.size();
            Claim claim = rule(rule, file.path(), drl, lines, written, origins, found);
            annotate(found, before, origins);
            if (claim != null) {
                claims.add(claim);
            }
        }
    }

    /** Refuses what no part of the claim language contains, before any parser sees it. */
    private static boolean lexical(RuleSources.File file, List<Diagnostic> found) {
        String[] lines = file.text().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int escape = lines[i].indexOf("\\u");
            if (escape >= 0) {
                found.add(Diagnostic.error(file.path(), i + 1, escape + 1, "unicode escapes ('\\u...') are not part"
                        + " of the claim language; write the character itself", ""));
            }
            int block = lines[i].indexOf("\"\"\"");
            if (block >= 0) {
                found.add(Diagnostic.error(file.path(), i + 1, block + 1, "text blocks (\"\"\") are not part of the"
                        + " claim language", ""));
            }
        }
        return found.isEmpty();
    }

    private static PackageDescr parse(String path, String drl, List<Diagnostic> found) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            found.add(Diagnostic.error(path, 1, 1, oneLine(e.getMessage()), ""));
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError p ? p.getRow() : first(error.getLines());
                int col = error instanceof ParserError p ? p.getCol() + 1 : 1;
                found.add(Diagnostic.error(path, line, col, oneLine(error.getMessage()), ""));
            }
            if (found.isEmpty()) {
                found.add(Diagnostic.error(path, 1, 1, "cannot parse the rule file", ""));
            }
            return null;
        }
        return pkg;
    }

    private static void packageLevel(PackageDescr pkg, String path, List<Diagnostic> found) {
        pkg.getImports().forEach(d -> refuse(found, path, d, "import"));
        pkg.getFunctionImports().forEach(d -> refuse(found, path, d, "import function"));
        pkg.getAccumulateImports().forEach(d -> refuse(found, path, d, "import accumulate"));
        pkg.getGlobals().forEach(d -> refuse(found, path, d, "global"));
        pkg.getFunctions().forEach(d -> refuse(found, path, d, "function"));
        pkg.getEntryPointDeclarations().forEach(d -> refuse(found, path, d, "declare entry-point"));
        pkg.getAttributes().forEach(d -> found.add(Diagnostic.error(path, Math.max(d.getLine(), 1), d.getColumn() + 1,
                "the package attribute '" + d.getName() + "' is not part of the claim language", "")));
    }

    private static void refuse(List<Diagnostic> found, String path, BaseDescr descr, String construct) {
        found.add(Diagnostic.error(path, Math.max(descr.getLine(), 1), descr.getColumn() + 1, "'" + construct
                + "' is not part of the claim language", ""));
    }

    private static Claim rule(RuleDescr rule, String path, String drl, String[] lines, String[] written,
                              Map<Integer, DslSentences.Sentence> origins, List<Diagnostic> found) {
        int before = found.size();
        String id = rule.getAnnotation("id") == null ? "" : tagValue(rule.getAnnotation("id"));
        int line = Math.max(rule.getLine(), 1);
        if (rule.isQuery()) {
            found.add(Diagnostic.error(path, line, 1, "'query' is not part of the claim language", id));
            return null;
        }
        rule.getAttributes().values().forEach(a -> found.add(Diagnostic.error(path, Math.max(a.getLine(), line),
                a.getColumn() + 1, "the rule attribute '" + a.getName() + "' is not part of the claim language", id)));
        if (rule.getParentName() != null) {
            found.add(Diagnostic.error(path, line, 1, "rule inheritance ('extends') is not part of the claim language",
                    id));
        }
        if (rule.getNamedConsequences() != null && !rule.getNamedConsequences().isEmpty()) {
            found.add(Diagnostic.error(path, line, 1, "named consequences are not part of the claim language", id));
        }
        Map<String, Claim.Tag> tags = new LinkedHashMap<>();
        for (AnnotationDescr a : rule.getAnnotations()) {
            int[] at = locate(lines, line, "@" + a.getName());
            if (!TAGS.contains(a.getName())) {
                found.add(Diagnostic.error(path, at[0], at[1], "@" + a.getName() + " is not rule metadata; a rule"
                        + " takes @id, @source, @quote and @hedge", id));
            } else {
                tags.put(a.getName(), new Claim.Tag(tagValue(a), at[0], at[1]));
            }
        }
        List<Premise> premises = new ArrayList<>();
        ConditionReader conditions = new ConditionReader(path, id, found);
        for (BaseDescr descr : rule.getLhs().getDescrs()) {
            Premise premise = premise(descr, conditions, drl, written, origins, path, id, found);
            if (premise != null) {
                premises.add(premise);
            }
        }
        List<Insert> inserts = conclusions(rule, path, id, drl, lines, found);
        if (found.size() > before) {
            return null;
        }
        return new Claim(rule.getName(), tags, premises, inserts, path, line, Math.max(rule.getEndLine(), line));
    }

    private static Premise premise(BaseDescr descr, ConditionReader conditions, String drl, String[] written,
                                   Map<Integer, DslSentences.Sentence> origins, String path, String id,
                                   List<Diagnostic> found) {
        if (descr instanceof PatternDescr pattern) {
            return conditions.read(pattern, false, text(pattern, false, drl, written, origins));
        }
        if (descr instanceof NotDescr not && not.getDescrs().size() == 1
                && not.getDescrs().get(0) instanceof PatternDescr pattern) {
            return conditions.read(pattern, true, text(pattern, true, drl, written, origins));
        }
        found.add(Diagnostic.error(path, Math.max(descr.getLine(), 1), descr.getColumn() + 1, "'" + construct(descr)
                + "' is not part of the claim language: a condition is Type(...) or not Type(...)", id));
        return null;
    }

    /** The name of a conditional element outside the grammar, as an analyst writes it. */
    private static String construct(BaseDescr descr) {
        String name = descr.getClass().getSimpleName().replace("Descr", "");
        return switch (name) {
            case "Eval" -> "eval";
            case "Exists" -> "exists";
            case "Or" -> "or";
            case "And" -> "nested and";
            case "Forall" -> "forall";
            case "Not" -> "not with several conditions";
            case "ConditionalBranch" -> "if ... do[...]";
            case "NamedConsequenceInvoker", "NamedConsequence" -> "do[...]";
            default -> name.toLowerCase();
        };
    }

    /**
     * How a condition reads: the sentence of a DSL rule, or the DRL pattern with its whitespace collapsed (with
     * {@code not} before an absence).
     */
    private static String text(PatternDescr pattern, boolean absent, String drl, String[] written,
                               Map<Integer, DslSentences.Sentence> origins) {
        int line = pattern.getLine();
        if (origins.containsKey(line) && line <= written.length) {
            return written[line - 1].strip();
        }
        int start = pattern.getStartCharacter();
        int end = pattern.getEndCharacter();
        String source = start >= 0 && end > start && end <= drl.length()
                ? drl.substring(start, end).strip().replaceAll("\\s+", " ")
                : pattern.getObjectType() + "(...)";
        return (absent ? "not " : "") + source;
    }

    private static List<Insert> conclusions(RuleDescr rule, String path, String id, String drl, String[] lines,
                                            List<Diagnostic> found) {
        String action = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        int thenLine = Math.max(rule.getConsequenceLine(), 1);
        int offset = offsetOf(lines, thenLine);
        int thenAt = drl.indexOf("then", offset);
        int start = action.isBlank() || thenAt < 0 ? -1 : drl.indexOf(action.strip(), thenAt + 4);
        int line = thenLine;
        int col = 1;
        if (start >= 0) {
            line = 1 + (int) drl.substring(0, start).chars().filter(c -> c == '\n').count();
            col = start - drl.lastIndexOf('\n', start - 1);
        }
        return new ConclusionReader(path, id, found).read(start >= 0 ? drl.substring(start, start
                + action.strip().length()) : action, line, col);
    }

    private static int offsetOf(String[] lines, int line) {
        int offset = 0;
        for (int i = 0; i < line - 1 && i < lines.length; i++) {
            offset += lines[i].length() + 1;
        }
        return offset;
    }

    /** Where {@code token} is first written from {@code line} on: {line, col}, or the rule's line. */
    private static int[] locate(String[] lines, int line, String token) {
        for (int i = line - 1; i < lines.length; i++) {
            int col = lines[i].indexOf(token);
            if (col >= 0) {
                return new int[] {i + 1, col + 1};
            }
            if (lines[i].strip().equals("when")) {
                break;
            }
        }
        return new int[] {line, 1};
    }

    private static String tagValue(AnnotationDescr a) {
        if (!a.hasValue()) {
            return "";
        }
        String text = a.getSingleValueAsString();
        return text == null ? "" : AnnotationDescr.unquote(text.strip());
    }

    /** A problem on a line that a DSL sentence expanded names the sentence's mapping as well. */
    private static void annotate(List<Diagnostic> found, int from, Map<Integer, DslSentences.Sentence> origins) {
        for (int i = from; i < found.size(); i++) {
            Diagnostic d = found.get(i);
            DslSentences.Sentence s = origins.get(d.line());
            if (s != null) {
                found.set(i, new Diagnostic(d.file(), d.line(), d.col(), d.severity(), d.message()
                        + " (in what the sentence mapped at " + s.where() + " expands to)", d.ruleId()));
            }
        }
    }

    private static int first(int[] lines) {
        return lines != null && lines.length > 0 ? Math.max(lines[0], 1) : 1;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
