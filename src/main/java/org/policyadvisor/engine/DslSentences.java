package org.policyadvisor.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

import org.drools.drl.parser.lang.dsl.DSLMappingEntry;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultDSLMapping;
import org.drools.drl.parser.lang.dsl.DefaultExpander;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.policyadvisor.Nearest;
import org.policyadvisor.RuleSources;
import org.policyadvisor.check.Diagnostic;

/**
 * The English sentences of the {@code .dsl} files, read with Drools' DSL reader, and the expansion of a
 * {@code .dslr} file into DRL with Drools' expander. Only {@code [when]} and {@code [then]} sentences exist.
 * Before expanding, every line of a condition or conclusion must be one whole sentence of the DSL; a line that is
 * none is reported alone, with the nearest sentence, instead of the parser's errors on unexpanded text. The
 * expansion keeps line numbers, and each line remembers the sentence it came from, so that a problem in what a
 * sentence expands to points at both the line of the {@code .dslr} and the mapping in the {@code .dsl}.
 */
final class DslSentences {

    /** One sentence of a DSL file and where it is written. */
    record Sentence(DSLMappingEntry.Section section, String key, String file, int line, DSLMappingEntry entry) {

        /** The sentence with its placeholders shown as {@code {name}}. */
        String shown() {
            return key.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
        }

        String where() {
            return file + ":" + line;
        }
    }

    /** A DSLR file expanded: its DRL, and for each line (1-based) the sentence it came from, if any. */
    record Expanded(String drl, Map<Integer, Sentence> origins) {
    }

    private final List<Sentence> sentences;
    private final List<Diagnostic> problems;

    private DslSentences(List<Sentence> sentences, List<Diagnostic> problems) {
        this.sentences = List.copyOf(sentences);
        this.problems = List.copyOf(problems);
    }

    /** Reads every {@code .dsl} file of the sources. */
    static DslSentences read(RuleSources sources) {
        List<Sentence> sentences = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (RuleSources.File file : sources.ruleFiles()) {
            if (file.path().endsWith(".dsl")) {
                readFile(file, sentences, problems);
            }
        }
        return new DslSentences(sentences, problems);
    }

    private static void readFile(RuleSources.File file, List<Sentence> sentences, List<Diagnostic> problems) {
        DSLTokenizedMappingFile dsl = new DSLTokenizedMappingFile();
        try {
            if (!dsl.parseAndLoad(new StringReader(file.text()))) {
                for (KnowledgeBuilderResult error : dsl.getErrors()) {
                    int[] lines = error.getLines();
                    problems.add(Diagnostic.error(file.path(), lines != null && lines.length > 0 ? lines[0] : 1, 1,
                            RuleReader.oneLine(error.getMessage()), ""));
                }
                return;
            }
        } catch (IOException | RuntimeException e) {
            problems.add(Diagnostic.error(file.path(), 1, 1, "cannot read the DSL: " + e.getMessage(), ""));
            return;
        }
        String[] lines = file.text().split("\\R", -1);
        for (DSLMappingEntry entry : dsl.getMapping().getEntries()) {
            int line = lineOf(lines, entry.getMappingKey());
            if (entry.getSection() != DSLMappingEntry.CONDITION && entry.getSection() != DSLMappingEntry.CONSEQUENCE) {
                problems.add(Diagnostic.error(file.path(), line, 1, "only [when] and [then] sentences are part of the"
                        + " claim language; '" + entry.getSection() + "' mappings are not", ""));
            } else {
                sentences.add(new Sentence(entry.getSection(), entry.getMappingKey(), file.path(), line, entry));
            }
        }
    }

    private static int lineOf(String[] lines, String key) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("[") && line.contains("]" + key + "=")) {
                return i + 1;
            }
        }
        return 1;
    }

    List<Diagnostic> problems() {
        return problems;
    }

    /**
     * Expands a DSLR file, or returns null after adding the problems that keep it from being expanded: lines that
     * are no sentence of the DSL, or an expansion that does not keep its lines.
     */
    Expanded expand(RuleSources.File file, List<Diagnostic> found) {
        String[] lines = file.text().split("\\R", -1);
        Map<Integer, Sentence> origins = new TreeMap<>();
        int before = found.size();
        DSLMappingEntry.Section section = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("when")) {
                section = DSLMappingEntry.CONDITION;
            } else if (line.equals("then")) {
                section = DSLMappingEntry.CONSEQUENCE;
            } else if (line.equals("end") || line.startsWith("rule ")) {
                section = null;
            } else if (section != null && !line.isEmpty() && !line.startsWith("//") && !line.startsWith("#")) {
                Sentence sentence = whole(section, line);
                if (sentence == null) {
                    found.add(Diagnostic.error(file.path(), i + 1, lines[i].indexOf(line) + 1,
                            unmatched(section, line), ""));
                } else {
                    origins.put(i + 1, sentence);
                }
            }
        }
        if (found.size() > before) {
            return null;
        }
        String drl;
        try {
            DefaultDSLMapping mapping = new DefaultDSLMapping();
            sentences.forEach(s -> mapping.addEntry(s.entry()));
            DefaultExpander expander = new DefaultExpander();
            expander.addDSLMapping(mapping);
            drl = expander.expand(new StringReader(withoutExpanderLine(file.text())));
            if (expander.hasErrors()) {
                expander.getErrors().forEach(e -> found.add(Diagnostic.error(file.path(),
                        e.getLines() != null && e.getLines().length > 0 ? e.getLines()[0] : 1, 1,
                        RuleReader.oneLine(e.getMessage()), "")));
                return null;
            }
        } catch (IOException | RuntimeException e) {
            found.add(Diagnostic.error(file.path(), 1, 1, "cannot expand with the DSL: " + e.getMessage(), ""));
            return null;
        }
        if (drl.split("\\R", -1).length < lines.length) {
            found.add(Diagnostic.error(file.path(), 1, 1, "the DSL expansion did not keep the lines of the file;"
                    + " write one sentence a line, without continuation lines", ""));
            return null;
        }
        return new Expanded(drl, origins);
    }

    /** The {@code expander x.dsl} line names the DSL; every DSL file of the directory is used, so it is blanked. */
    private static String withoutExpanderLine(String text) {
        return text.replaceAll("(?m)^[ \\t]*expander[ \\t][^\\r\\n]*", "");
    }

    /** The sentence of this section that the whole line is, or null. */
    private Sentence whole(DSLMappingEntry.Section section, String line) {
        for (Sentence s : sentences) {
            if (s.section() == section) {
                Matcher m = s.entry().getKeyPattern().matcher(line);
                if (m.find() && line.substring(0, m.start()).isBlank() && line.substring(m.end()).isBlank()) {
                    return s;
                }
            }
        }
        return null;
    }

    private String unmatched(DSLMappingEntry.Section section, String line) {
        String kind = section == DSLMappingEntry.CONDITION ? "[when]" : "[then]";
        List<Sentence> candidates = sentences.stream().filter(s -> s.section() == section).toList();
        if (candidates.isEmpty()) {
            return "no " + kind + " sentence of the DSL files matches '" + line + "' (there are none)";
        }
        Map<String, Sentence> byText = new TreeMap<>();
        candidates.forEach(s -> byText.putIfAbsent(s.shown(), s));
        String nearest = Nearest.closest(line, candidates.stream().map(Sentence::shown).toList()).orElseThrow();
        Sentence s = byText.get(nearest);
        return "no " + kind + " sentence of the DSL files matches '" + line + "'; the nearest is '" + nearest
                + "' (" + s.where() + ")";
    }
}
