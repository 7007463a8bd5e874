package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.ErrorCode;
import org.policyadvisor.Fact;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.Problem;
import org.policyadvisor.Scenario;
import org.policyadvisor.json.Json;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * The bodies of the analysis routes, each checked whole before anything is evaluated, every problem with its JSON
 * path. A scenario is {@code {"facts": [...]}} or {@code {"scenario": "name"}} (a file of the served folder), with
 * an optional {@code "description"}:
 * <ul>
 *   <li>{@code POST /v1/sensitivity}: a scenario;</li>
 *   <li>{@code POST /v1/sweep}: a scenario and {@code "vary"}, the uncertain facts (at most
 *       {@value #MAX_UNCERTAIN});</li>
 *   <li>{@code POST /v1/what-if/batch}: {@code "scenarios"}, a list of scenarios (objects as above, or names; at
 *       most {@value #MAX_SCENARIOS}), and an optional {@code "baseline"} (facts or a name) shared by all.</li>
 * </ul>
 */
final class AnalysisRequest {

    /** The most uncertain facts of a sweep over HTTP: 4,096 combinations. */
    static final int MAX_UNCERTAIN = 12;
    /** The most scenarios of one batch request. */
    static final int MAX_SCENARIOS = 100;

    private static final Set<String> SCENARIO_KEYS = Set.of("description", "facts", "scenario");

    record Sweep(Scenario scenario, List<Fact> vary) {
    }

    record Batch(List<Scenario> scenarios, Optional<Scenario> baseline) {
    }

    private AnalysisRequest() {
    }

    static Scenario sensitivity(String body, ScenarioReader reader, int maxFacts) {
        JsonNode root = object(body, SCENARIO_KEYS);
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = scenario(root, "", "request", reader, maxFacts, problems);
        return checked(scenario, problems);
    }

    static Sweep sweep(String body, ScenarioReader reader, int maxFacts) {
        JsonNode root = object(body, Set.of("description", "facts", "scenario", "vary"));
        JsonNode vary = root.get("vary");
        if (vary == null || !vary.isArray()) {
            throw RequestException.invalid("invalid request", new Problem("vary", "expected an array of facts"));
        }
        if (vary.size() > MAX_UNCERTAIN) {
            throw new RequestException(ErrorCode.TOO_MANY_FACTS, "too many facts", List.of(new Problem(
                    "vary", vary.size() + " uncertain facts; at most " + MAX_UNCERTAIN + " are accepted")));
        }
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = scenario(root, "", "request", reader, maxFacts, problems);
        List<Fact> uncertain = reader.facts(vary, "vary", problems, true);
        return new Sweep(checked(scenario, problems), uncertain);
    }

    static Batch batch(String body, ScenarioReader reader, int maxFacts) {
        JsonNode root = object(body, Set.of("baseline", "scenarios"));
        JsonNode list = root.get("scenarios");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw RequestException.invalid("invalid request",
                    new Problem("scenarios", "expected a non-empty array of scenarios (objects or names)"));
        }
        if (list.size() > MAX_SCENARIOS) {
            throw RequestException.invalid("invalid request", new Problem("scenarios",
                    list.size() + " scenarios; at most " + MAX_SCENARIOS + " are accepted"));
        }
        List<Problem> problems = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "scenarios[" + i + "]";
            JsonNode item = list.get(i);
            if (item.isTextual()) {
                scenarios.add(WhatIfRequest.named(item.textValue(), at, reader));
            } else if (item.isObject()) {
                unknownKeys(item, SCENARIO_KEYS, at + ".");
                scenarios.add(scenario(item, at + ".", at, reader, maxFacts, problems));
            } else {
                throw RequestException.invalid("invalid request", new Problem(at, "expected an object or a name"));
            }
        }
        Optional<Scenario> baseline = Optional.empty();
        JsonNode base = root.get("baseline");
        if (base != null) {
            if (base.isTextual()) {
                baseline = Optional.of(WhatIfRequest.named(base.textValue(), "baseline", reader));
            } else if (base.isArray()) {
                size(base, "baseline", maxFacts);
                baseline = Optional.of(new Scenario("baseline", "baseline",
                        reader.facts(base, "baseline", problems, true)));
            } else {
                throw RequestException.invalid("invalid request",
                        new Problem("baseline", "expected an array of facts or a scenario name"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return new Batch(scenarios, baseline);
    }

    private static JsonNode object(String body, Set<String> keys) {
        JsonNode root = Json.parse(body, "body");
        if (!root.isObject()) {
            throw RequestException.invalid("expected a JSON object",
                    new Problem("$", "got " + root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        unknownKeys(root, keys, "");
        return root;
    }

    private static void unknownKeys(JsonNode node, Set<String> keys, String prefix) {
        List<Problem> problems = new ArrayList<>();
        node.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key)) {
                problems.add(new Problem(prefix + key, "unknown key; expected one of "
                        + String.join(", ", keys.stream().sorted().toList())));
            }
        });
        if (!problems.isEmpty()) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, "invalid request", problems);
        }
    }

    /** The scenario of an object with "facts" or "scenario"; problems with its facts are added to the list. */
    private static Scenario scenario(JsonNode node, String prefix, String name, ScenarioReader reader, int maxFacts,
                                     List<Problem> problems) {
        JsonNode facts = node.get("facts");
        JsonNode named = node.get("scenario");
        JsonNode description = node.get("description");
        if ((facts == null) == (named == null)) {
            throw RequestException.invalid("invalid request", new Problem(prefix.isEmpty() ? "$"
                    : prefix.substring(0, prefix.length() - 1), "give \"facts\" or \"scenario\", one of them"));
        }
        if (description != null && !description.isTextual()) {
            throw RequestException.invalid("invalid request", new Problem(prefix + "description", "expected a string"));
        }
        if (named != null) {
            if (!named.isTextual()) {
                throw RequestException.invalid("invalid request",
                        new Problem(prefix + "scenario", "expected a scenario name"));
            }
            return WhatIfRequest.named(named.textValue(), prefix + "scenario", reader);
        }
        if (!facts.isArray()) {
            throw RequestException.invalid("invalid request", new Problem(prefix + "facts", "expected an array of facts"));
        }
        size(facts, prefix + "facts", maxFacts);
        return new Scenario(name, description == null ? "" : description.textValue(),
                reader.facts(facts, prefix + "facts", problems, true));
    }

    private static void size(JsonNode array, String path, int maxFacts) {
        if (array.size() > maxFacts) {
            throw new RequestException(ErrorCode.TOO_MANY_FACTS, "too many facts",
                    List.of(new Problem(path, array.size() + " facts; at most " + maxFacts + " are accepted")));
        }
    }

    private static <T> T checked(T value, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return value;
    }
}
