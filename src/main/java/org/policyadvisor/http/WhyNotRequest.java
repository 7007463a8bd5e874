package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.ErrorCode;
import org.policyadvisor.FactPattern;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;
import org.policyadvisor.Scenario;
import org.policyadvisor.Vocabulary;
import org.policyadvisor.json.Json;
import org.policyadvisor.scenario.ScenarioReader;
import org.policyadvisor.whynot.Bounds;
import org.policyadvisor.whynot.Targets;

/**
 * The body of {@code POST /v1/why-not}: {@code {"facts": [...]}} or {@code {"scenario": "name"}}, the
 * {@code "consequence"} asked about (an object {@code {"type": ..., fields}} or the text
 * {@code Type(field=value)}), and optional {@code "depth"} and {@code "maxSets"}.
 */
record WhyNotRequest(Scenario scenario, FactPattern consequence, Bounds bounds) {

    private static final Set<String> KEYS = Set.of("consequence", "depth", "description", "facts", "maxSets", "scenario");

    static WhyNotRequest read(String body, ScenarioReader reader, Vocabulary vocabulary, int maxFacts) {
        JsonNode root = Json.parse(body, "body");
        List<Problem> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw RequestException.invalid("expected a JSON object with \"consequence\" and \"facts\" or \"scenario\"",
                    new Problem("$", "got " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add(new Problem(key, "unknown key; expected one of " + String.join(", ", KEYS.stream().sorted().toList())));
            }
        });
        if (root.has("facts") == root.has("scenario")) {
            problems.add(new Problem("$", "give \"facts\" or \"scenario\", one of them"));
        }
        JsonNode consequence = root.get("consequence");
        if (consequence == null || !(consequence.isObject() || consequence.isTextual())) {
            problems.add(new Problem("consequence", "expected an object {\"type\": ...} or a text Type(field=value)"));
        }
        int depth = number(root, "depth", Bounds.DEFAULT.depth(), problems);
        int sets = number(root, "maxSets", Bounds.DEFAULT.sets(), problems);
        if (!problems.isEmpty()) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, "invalid request", problems);
        }
        JsonNode facts = root.get("facts");
        if (facts != null && facts.isArray() && facts.size() > maxFacts) {
            throw new RequestException(ErrorCode.TOO_MANY_FACTS, "too many facts",
                    List.of(new Problem("facts", facts.size() + " facts; at most " + maxFacts + " are accepted")));
        }
        FactPattern target = consequence.isObject() ? Targets.fromJson(consequence, "consequence")
                : Targets.parse(consequence.textValue(), vocabulary);
        Scenario scenario;
        if (facts != null) {
            scenario = new Scenario("request", root.path("description").asText(""),
                    reader.facts(facts, "facts", problems, true));
            if (!problems.isEmpty()) {
                throw new InvalidFactsException(problems);
            }
        } else {
            try {
                scenario = reader.byName(root.get("scenario").asText()).scenario();
            } catch (NotFoundException e) {
                throw RequestException.notFound("scenario", e.getMessage());
            }
        }
        return new WhyNotRequest(scenario, target, new Bounds(depth, sets));
    }

    private static int number(JsonNode root, String key, int fallback, List<Problem> problems) {
        JsonNode node = root.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isInt() || node.intValue() < 1 || node.intValue() > 50) {
            problems.add(new Problem(key, "expected an integer from 1 to 50"));
            return fallback;
        }
        return node.intValue();
    }
}
