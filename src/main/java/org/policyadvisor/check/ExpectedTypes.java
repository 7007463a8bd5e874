package org.policyadvisor.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.MalformedInputException;
import org.policyadvisor.json.Json;

/**
 * The fact types that scenario files expect: every {@code "type"} inside their {@code "expect"} object.
 * Read as plain JSON, without the vocabulary, so that it works on rules that do not compile; a file that
 * is not JSON is skipped here (the {@code test} command reports it).
 */
public final class ExpectedTypes {

    private ExpectedTypes() {
    }

    /** The types expected by the {@code *.json} files of the directory; none when it does not exist. */
    public static Set<String> in(Path dir) {
        Set<String> types = new TreeSet<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return types;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenarios in " + dir, e);
        }
        for (Path file : files) {
            try {
                collect(Json.parse(Files.readString(file), file.toString()).path("expect"), types);
            } catch (MalformedInputException e) {
                // not JSON: nothing expected from it
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return types;
    }

    private static void collect(JsonNode node, Set<String> types) {
        if (node.isObject() && node.path("type").isTextual()) {
            types.add(node.get("type").asText());
        }
        node.forEach(child -> collect(child, types));
    }
}
