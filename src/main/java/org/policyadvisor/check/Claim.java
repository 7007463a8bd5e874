package org.policyadvisor.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule as its file states it, read by the claim grammar but not yet checked against the vocabulary.
 * Unlike a {@link org.policyadvisor.Rule}, its metadata may be missing or wrong.
 *
 * @param tags     its metadata ({@code @id}, {@code @quote}, {@code @source}, {@code @hedge}) by name
 * @param premises what it requires, present or absent, in the order written
 * @param inserts  what it concludes
 * @param line     the line where the rule starts
 * @param endLine  the line where it ends
 */
public record Claim(String name, Map<String, Claim.Tag> tags, List<Premise> premises, List<Insert> inserts,
                    String file, int line, int endLine) {

    /** A metadata value, unquoted, and where it is written. */
    public record Tag(String value, int line, int col) {
        public Tag {
            Objects.requireNonNull(value, "value must not be null");
        }
    }

    public Claim {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(file, "file must not be null");
        tags = Map.copyOf(tags);
        premises = List.copyOf(premises);
        inserts = List.copyOf(inserts);
    }

    public String id() {
        return value("id");
    }

    public String quote() {
        return value("quote");
    }

    public String source() {
        return value("source");
    }

    public String hedge() {
        return value("hedge");
    }

    /** The value of a tag, or {@code ""} when the rule has none. */
    public String value(String tag) {
        Tag t = tags.get(tag);
        return t == null ? "" : t.value();
    }

    public boolean has(String tag) {
        return tags.containsKey(tag);
    }

    /** The id, or the quoted name when the rule has no id: how messages name the rule. */
    public String label() {
        return id().isEmpty() ? "'" + name + "'" : id();
    }

    /** Its premises as a set of texts ({@code not ...} for absences), for comparing two claims' premises. */
    public Set<String> premiseTexts() {
        Set<String> texts = new TreeSet<>();
        premises.forEach(p -> texts.add((p.absent() ? "not " : "") + p.type() + p.constraints()));
        return texts;
    }

    /** The types it needs present, without repeats. */
    public List<String> needs() {
        return premises.stream().filter(p -> !p.absent()).map(Premise::type).distinct().toList();
    }

    /** The types it concludes, without repeats. */
    public List<String> concludes() {
        return inserts.stream().map(Insert::type).distinct().toList();
    }

    /** Where the tag is written, or the rule's start when the rule has no such tag. */
    public int lineOf(String tag) {
        Tag t = tags.get(tag);
        return t == null || t.line() < 1 ? line : t.line();
    }

    public int colOf(String tag) {
        Tag t = tags.get(tag);
        return t == null || t.line() < 1 ? 1 : t.col();
    }

    /** True when the line lies within this rule. */
    public boolean spans(String otherFile, int otherLine) {
        return file.equals(otherFile) && otherLine >= line && otherLine <= Math.max(line, endLine);
    }
}
