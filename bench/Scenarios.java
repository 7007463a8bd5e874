import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes distinct what-if request bodies, one per line, for the HTTP benchmark: each keeps a random subset of the
 * baseline's facts (facts/june-2024-summit.json) and adds a few facts from the other scenario files.
 *
 * <p>Run with the jar on the class path (for Jackson):
 * {@code java -cp target/policy-advisor.jar bench/Scenarios.java facts 2000 bodies.txt}
 */
public final class Scenarios {

    public static void main(String[] args) throws IOException {
        Path facts = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> baseline = new ArrayList<>();
        json.readTree(facts.resolve("june-2024-summit.json").toFile()).get("facts").forEach(baseline::add);
        Set<JsonNode> extra = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(facts)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode list = json.readTree(file.toFile()).get("facts");
                if (list != null) {
                    list.forEach(extra::add);
                }
            }
        }
        extra.removeAll(baseline);
        Random random = new Random(20_240_619);
        Set<String> bodies = new LinkedHashSet<>();
        while (bodies.size() < count) {
            ObjectNode body = json.createObjectNode();
            ArrayNode chosen = body.putArray("facts");
            baseline.stream().filter(f -> random.nextDouble() < 0.8).forEach(chosen::add);
            extra.stream().filter(f -> random.nextDouble() < 0.15).forEach(chosen::add);
            if (!chosen.isEmpty()) {
                bodies.add(json.writeValueAsString(body));
            }
        }
        Files.write(Path.of(args[2]), bodies);
        System.err.printf("%d distinct scenarios from %d baseline facts and %d others%n",
                bodies.size(), baseline.size(), extra.size());
    }
}
