package org.policyadvisor.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.Fact;
import org.policyadvisor.FactPattern;
import org.policyadvisor.FactTypeSpec;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;
import org.policyadvisor.Scenario;
import org.policyadvisor.Vocabulary;
import org.policyadvisor.json.Json;

/**
 * Reads scenario files: {@code {"description", "extends", "withdraw", "facts", "expect"}}. Facts are checked
 * against the vocabulary; every problem is reported with its JSON path, and nothing is half-read.
 */
public final class ScenarioReader {

    private static final Set<String> TOP = Set.of("description", "extends", "withdraw", "facts", "expect");
    private static final Set<String> EXPECT = Set.of("follows", "absent", "rules", "derivedBy",
            "added", "removed", "changed", "contested");

    private final Vocabulary vocabulary;
    private final Path dir;
    private final boolean relativeNames;

    /**
     * @param vocabulary the fact types facts are checked against
     * @param dir        where the scenarios named by {@code extends} live; may be null
     */
    public ScenarioReader(Vocabulary vocabulary, Path dir) {
        this(vocabulary, dir, false);
    }

    private ScenarioReader(Vocabulary vocabulary, Path dir, boolean relativeNames) {
        this.vocabulary = vocabulary;
        this.dir = dir;
        this.relativeNames = relativeNames;
    }

    /**
     * A reader whose messages name the files of its folder relative to it, so that no answer of a service shows
     * where the folder is on the server's machine.
     */
    public static ScenarioReader serving(Vocabulary vocabulary, Path dir) {
        return new ScenarioReader(vocabulary, dir, true);
    }

    /** The names of the scenario files of the directory, sorted. */
    public List<String> names() {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenarios in " + dir, e);
        }
    }

    /** Reads the scenario of this name from the directory. */
    public ScenarioFile byName(String name) {
        if (dir == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !Files.isRegularFile(dir.resolve(name + ".json"))) {
            throw new NotFoundException("no scenario named '" + name + "'");
        }
        return read(dir.resolve(name + ".json"));
    }

    public ScenarioFile read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        return read(file, name, new HashSet<>());
    }

    /** Parses a scenario from text; {@code where} names it in error messages. */
    public ScenarioFile parse(String json, String name) {
        return parse(json, name, name, new HashSet<>());
    }

    private ScenarioFile read(Path file, String name, Set<String> seen) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NotFoundException("cannot read " + shown(file) + ": " + reason(e));
        }
        return parse(text, name, shown(file), seen);
    }

    /** A file as messages name it: as given, or relative to the scenario folder for a {@link #serving} reader. */
    private String shown(Path file) {
        if (relativeNames && dir != null) {
            Path base = dir.toAbsolutePath().normalize();
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith(base)) {
                return base.relativize(absolute).toString();
            }
        }
        return file.toString();
    }

    /** Why a file could not be read, without repeating its name (the file exceptions' message is the path). */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        // Other messages of the file system name the file by its absolute path: not shown.
        return e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : "unreadable";
    }

    private ScenarioFile parse(String json, String name, String where, Set<String> seen) {
        JsonNode root = Json.parse(json, where);
        List<Problem> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidFactsException(List.of(new Problem("$", "expected a JSON object with \"facts\"")));
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!TOP.contains(f)) {
                problems.add(new Problem(f, "unknown key; expected one of " + String.join(", ", sorted(TOP))));
            }
        });
        String description = text(root, "description", problems);
        Optional<ScenarioFile> base = Optional.empty();
        if (root.has("extends")) {
            String parent = text(root, "extends", problems);
            if (!seen.add(name)) {
                throw new InvalidFactsException(List.of(new Problem("extends", "scenario '" + name + "' extends itself")));
            }
            if (!parent.isEmpty()) {
                if (dir == null) {
                    throw new InvalidFactsException(List.of(new Problem("extends", "no scenario folder to find '" + parent + "' in")));
                }
                Path file = dir.resolve(parent + ".json");
                if (!parent.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !Files.isRegularFile(file)) {
                    throw new InvalidFactsException(List.of(new Problem("extends", "no scenario named '" + parent + "'")));
                }
                base = Optional.of(read(file, parent, seen));
            }
        } else if (root.has("withdraw")) {
            problems.add(new Problem("withdraw", "only a scenario that extends another can withdraw facts"));
        }
        List<Fact> own = facts(root.get("facts"), "facts", problems, !root.has("extends"));
        List<Fact> withdrawn = facts(root.get("withdraw"), "withdraw", problems, false);
        Expectations expectations = expectations(root.get("expect"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        List<Fact> merged = new ArrayList<>(base.map(b -> b.scenario().facts()).orElse(List.of()));
        for (int i = 0; i < withdrawn.size(); i++) {
            if (!merged.remove(withdrawn.get(i))) {
                problems.add(new Problem("withdraw[" + i + "]", "not a fact of the extended scenario: " + withdrawn.get(i)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        merged.addAll(own);
        return new ScenarioFile(new Scenario(name, description, merged), base.map(ScenarioFile::scenario), expectations);
    }

    /** Reads and checks a JSON array of facts; an absent array is empty unless required. */
    public List<Fact> facts(JsonNode array, String path, List<Problem> problems, boolean required) {
        if (array == null) {
            if (required) {
                problems.add(new Problem(path, "missing; expected an array of facts"));
            }
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(new Problem(path, "expected an array of facts"));
            return List.of();
        }
        List<Fact> raw = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Fact fact = fact(array.get(i), path + "[" + i + "]", problems);
            if (fact != null) {
                raw.add(fact);
                positions.add(i);
            }
        }
        try {
            return vocabulary.check(raw, path);
        } catch (InvalidFactsException e) {
            // Paths from the check count only well-formed facts; map them back to array positions.
            for (Problem p : e.problems()) {
                problems.add(new Problem(reindex(p.where(), path, positions), p.message()));
            }
            return List.of();
        }
    }

    private static String reindex(String where, String path, List<Integer> positions) {
        String prefix = path + "[";
        if (!where.startsWith(prefix)) {
            return where;
        }
        int close = where.indexOf(']', prefix.length());
        int index = Integer.parseInt(where.substring(prefix.length(), close));
        return prefix + positions.get(index) + where.substring(close);
    }

    private static Fact fact(JsonNode node, String at, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(at, "expected an object with \"type\" and fields"));
            return null;
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            problems.add(new Problem(at + ".type", type == null ? "missing fact type" : "expected a string"));
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!e.getKey().equals("type")) {
                fields.put(e.getKey(), Json.value(e.getValue()));
            }
        });
        return Fact.of(type.textValue(), fields);
    }

    private Expectations expectations(JsonNode node, List<Problem> problems) {
        if (node == null) {
            return Expectations.NONE;
        }
        if (!node.isObject()) {
            problems.add(new Problem("expect", "expected an object"));
            return Expectations.NONE;
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!EXPECT.contains(f)) {
                problems.add(new Problem("expect." + f, "unknown key; expected one of " + String.join(", ", sorted(EXPECT))));
            }
        });
        List<Expectations.DerivedBy> derivedBy = new ArrayList<>();
        JsonNode db = node.get("derivedBy");
        if (db != null) {
            for (int i = 0; i < db.size(); i++) {
                String at = "expect.derivedBy[" + i + "]";
                FactPattern p = pattern(db.get(i).get("consequence"), at + ".consequence", problems);
                List<String> rules = strings(db.get(i).get("rules"), at + ".rules", problems);
                if (p != null) {
                    derivedBy.add(new Expectations.DerivedBy(p, rules));
                }
            }
        }
        return new Expectations(patterns(node, "follows", problems), patterns(node, "absent", problems),
                strings(node.get("rules"), "expect.rules", problems), derivedBy,
                patterns(node, "added", problems), patterns(node, "removed", problems),
                patterns(node, "changed", problems), patterns(node, "contested", problems));
    }

    private List<FactPattern> patterns(JsonNode expect, String key, List<Problem> problems) {
        JsonNode array = expect.get(key);
        List<FactPattern> patterns = new ArrayList<>();
        if (array == null) {
            return patterns;
        }
        if (!array.isArray()) {
            problems.add(new Problem("expect." + key, "expected an array of patterns"));
            return patterns;
        }
        for (int i = 0; i < array.size(); i++) {
            FactPattern p = pattern(array.get(i), "expect." + key + "[" + i + "]", problems);
            if (p != null) {
                patterns.add(p);
            }
        }
        return patterns;
    }

    /**
     * A pattern is checked like a fact, except that any of its fields may be left out: its type, fields, actors and
     * values must exist in the vocabulary, or a typo would make it vacuous (an expectation that cannot fail).
     */
    private FactPattern pattern(JsonNode node, String at, List<Problem> problems) {
        Fact fact = node == null ? null : fact(node, at, problems);
        if (node == null) {
            problems.add(new Problem(at, "missing pattern"));
        }
        if (fact == null) {
            return null;
        }
        try {
            Fact checked = vocabulary.checkPattern(fact, at);
            return FactPattern.of(checked.type(), checked.fields());
        } catch (InvalidFactsException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static List<String> strings(JsonNode node, String at, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(new Problem(at, "expected an array of strings"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                out.add(node.get(i).textValue());
            } else {
                problems.add(new Problem(at + "[" + i + "]", "expected a string"));
            }
        }
        return out;
    }

    private static String text(JsonNode root, String key, List<Problem> problems) {
        JsonNode node = root.get(key);
        if (node == null) {
            return "";
        }
        if (!node.isTextual()) {
            problems.add(new Problem(key, "expected a string"));
            return "";
        }
        return node.textValue();
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
