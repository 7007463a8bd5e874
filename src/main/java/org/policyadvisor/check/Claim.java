package org.policyadvisor.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.policyadvisor.Condition;
import org.policyadvisor.Conclusion;

/**
 * A rule as its text states it, whether or not the rule base compiles: what the lints read.
 * Unlike a {@link org.policyadvisor.Rule}, its metadata may be missing or wrong.
 *
 * @param name        the rule's display name
 * @param tags        its metadata ({@code @id}, {@code @quote}, {@code @source}, {@code @hedge} ...) by name
 * @param conditions  what it requires, present or absent, in the order written
 * @param conclusions what it concludes
 * @param file        the rule file, relative to the rules directory
 * @param line        the line where the rule starts
 * @param endLine     the line where it ends
 */
public record Claim(String name, Map<String, Claim.Tag> tags, List<Condition> conditions,
                    List<Conclusion> conclusions, String file, int line, int endLine, List<Tag> plainInserts) {

    /** A metadata value, unquoted, and where it is written (the rule's position when not known). */
    public record Tag(String value, int line, int col) {
        public Tag {
            Objects.requireNonNull(value, "value must not be null");
        }
    }

    public Claim {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(file, "file must not be null");
        tags = Map.copyOf(tags);
        conditions = List.copyOf(conditions);
        conclusions = List.copyOf(conclusions);
        plainInserts = List.copyOf(plainInserts);
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

    /**
     * Its premises as a set of condition texts ({@code not ...} for absences), with whitespace kept
     * only between two word characters, so that {@code A( x == 1 )} and {@code A(x==1)} are the same.
     */
    public Set<String> premises() {
        Set<String> texts = new TreeSet<>();
        conditions.forEach(c -> texts.add(c.text().strip().replaceAll("\\s+", " ")
                .replaceAll("(?<=\\W) | (?=\\W)", "")));
        return texts;
    }

    /** The types it needs present, without repeats. */
    public List<String> needs() {
        return conditions.stream().filter(c -> !c.absent()).map(Condition::type).distinct().toList();
    }

    /** The types it concludes, without repeats. */
    public List<String> concludes() {
        return conclusions.stream().map(Conclusion::type).distinct().toList();
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
