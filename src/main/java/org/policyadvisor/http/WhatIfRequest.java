package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.Advisor;
import org.policyadvisor.ErrorCode;
import org.policyadvisor.Fact;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;
import org.policyadvisor.Scenario;
import org.policyadvisor.json.Json;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * The body of {@code POST /v1/what-if}: {@code {"facts": [...]}} or {@code {"scenario": "name"}}, an optional
 * {@code "baseline"} (facts or a scenario name) and an optional {@code "description"}. Everything is checked
 * before any evaluation, and every problem is reported with its JSON path.
 */
record WhatIfRequest(Scenario scenario, Optional<Scenario> baseline, Set<String> sources) {

    private static final Set<String> KEYS = Set.of("baseline", "description", "facts", "scenario", "sources");
    private static final String EXPECTED = "expected a JSON object with \"facts\" or \"scenario\"";
    /** Keys of a scenario file that a what-if body does not take: a file is named, or its facts are sent. */
    private static final Set<String> SCENARIO_FILE_KEYS = Set.of("expect", "extends", "withdraw");
    private static final String SCENARIO_FILE_HINT = " (this is a key of scenario files: send {\"scenario\": \"name\"}"
            + " for a file of the served folder, or the facts of GET /v1/scenarios/{name})";

    /**
     * @param body     the request body as text
     * @param reader   checks facts against the vocabulary of the advisor that will evaluate them
     * @param maxFacts the most facts each of the scenario and the baseline may list
     */
    static WhatIfRequest read(String body, ScenarioReader reader, int maxFacts) {
        JsonNode root = Json.parse(body, "body");
        if (!root.isObject()) {
            throw RequestException.invalid(EXPECTED, new Problem("$", "got " + kind(root)));
        }
        checkShape(root);
        checkSize(root, maxFacts);
        List<Problem> problems = new ArrayList<>();
        String description = root.has("description") ? root.get("description").textValue() : "";
        Scenario scenario = root.has("facts")
                ? inline("request", description, root.get("facts"), "facts", reader, problems)
                : named(root.get("scenario"), "scenario", reader);
        JsonNode base = root.get("baseline");
        Optional<Scenario> baseline = base == null ? Optional.empty()
                : Optional.of(base.isArray() ? inline("baseline", "baseline", base, "baseline", reader, problems)
                        : named(base, "baseline", reader));
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        Set<String> sources = new java.util.TreeSet<>();
        JsonNode only = root.get("sources");
        if (only != null) {
            only.forEach(n -> sources.add(n.textValue()));
        }
        return new WhatIfRequest(scenario, baseline, Set.copyOf(sources));
    }

    /** The advisor restricted to the sources the request names, or as it is when it names none. */
    Advisor restrict(Advisor advisor) {
        if (sources.isEmpty()) {
            return advisor;
        }
        try {
            return advisor.withSelection(advisor.selection().withSources(sources));
        } catch (NotFoundException e) {
            throw RequestException.invalid("invalid request", new Problem("sources", e.getMessage()));
        }
    }

    private static void checkShape(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add(new Problem(key, "unknown key; expected one of baseline, description, facts, scenario,"
                        + " sources"
                        + (SCENARIO_FILE_KEYS.contains(key) ? SCENARIO_FILE_HINT : "")));
            }
        });
        boolean facts = root.has("facts");
        if (facts == root.has("scenario")) {
            problems.add(new Problem("$", facts ? "give \"facts\" or \"scenario\", not both" : EXPECTED));
        }
        expect(root, "facts", JsonNode::isArray, "expected an array of facts", problems);
        expect(root, "scenario", JsonNode::isTextual, "expected a scenario name", problems);
        expect(root, "description", JsonNode::isTextual, "expected a string", problems);
        expect(root, "sources", n -> n.isArray() && java.util.stream.StreamSupport.stream(n.spliterator(), false)
                .allMatch(JsonNode::isTextual), "expected an array of source ids", problems);
        expect(root, "baseline", n -> n.isArray() || n.isTextual(), "expected an array of facts or a scenario name",
                problems);
        if (!problems.isEmpty()) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, "invalid request", problems);
        }
    }

    private interface Check {
        boolean test(JsonNode node);
    }

    private static void expect(JsonNode root, String key, Check check, String message, List<Problem> problems) {
        JsonNode node = root.get(key);
        if (node != null && !check.test(node)) {
            problems.add(new Problem(key, message + ", got " + kind(node)));
        }
    }

    private static void checkSize(JsonNode root, int maxFacts) {
        List<Problem> problems = new ArrayList<>();
        for (String key : List.of("facts", "baseline")) {
            JsonNode node = root.get(key);
            if (node != null && node.isArray() && node.size() > maxFacts) {
                problems.add(new Problem(key, node.size() + " facts; at most " + maxFacts + " are accepted"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RequestException(ErrorCode.TOO_MANY_FACTS, "too many facts", problems);
        }
    }

    private static Scenario inline(String name, String description, JsonNode array, String path,
                                   ScenarioReader reader, List<Problem> problems) {
        List<Fact> facts = reader.facts(array, path, problems, true);
        return new Scenario(name, description, facts);
    }

    private static Scenario named(JsonNode name, String path, ScenarioReader reader) {
        return named(name.textValue(), path, reader);
    }

    /** The scenario file of this name; {@code path} says which key of the body named it. */
    static Scenario named(String name, String path, ScenarioReader reader) {
        try {
            return reader.byName(name).scenario();
        } catch (NotFoundException e) {
            throw RequestException.notFound(path, e.getMessage());
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
