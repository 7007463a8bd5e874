package org.policyadvisor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;
import org.policyadvisor.Scenario;
import org.policyadvisor.decisions.DecisionLogReader;
import org.policyadvisor.json.Json;
import org.policyadvisor.scenario.ScenarioReader;
import org.policyadvisor.whynot.Targets;
import org.policyadvisor.whynot.WhyNot;

/**
 * {@code what-if --replay FILE:ID}: re-runs a decision of the decision log on the current rules (with
 * {@link Advisor#compare} when it had a baseline) and prints how the answer differs from the logged one.
 */
final class Replay {

    private Replay() {
    }

    /** {@code FILE:ID}, split at the last colon. */
    static String run(Advisor advisor, String reference) {
        int colon = reference.lastIndexOf(':');
        if (colon <= 0 || colon == reference.length() - 1) {
            throw new InvalidFactsException(List.of(new Problem("--replay", "expected FILE:ID, got '" + reference + "'")));
        }
        Path file = Path.of(reference.substring(0, colon));
        String id = reference.substring(colon + 1);
        String line = DecisionLogReader.find(file, id).orElseThrow(() -> new NotFoundException(
                "no decision " + id + " in " + file + " or its rotated files"));
        JsonNode logged = Json.parse(line, file.toString());
        JsonNode input = logged.get("input");
        if (input == null) {
            throw new InvalidFactsException(List.of(new Problem("--replay", "decision " + id
                    + " logged its input facts as a hash only (--decision-log-inputs hash): it cannot be replayed")));
        }
        ScenarioReader reader = new ScenarioReader(advisor.vocabulary(), null);
        Scenario scenario = scenario(reader, input.get("facts"), "replay");
        StringBuilder out = new StringBuilder();
        out.append("Replay of decision ").append(id).append(" (").append(logged.path("kind").asText()).append(") of ")
                .append(logged.path("time").asText()).append(": revision ").append(logged.path("revision").asText())
                .append(" then, ").append(advisor.revision()).append(" now\n");
        if (logged.path("kind").asText().equals("why-not")) {
            String now = new WhyNot(advisor).ask(scenario, Targets.parse(logged.path("asked").asText(),
                    advisor.vocabulary())).status().word();
            String then = logged.path("status").asText();
            out.append(logged.path("asked").asText()).append(": ").append(then.equals(now) ? "still " + now
                    : then + " then, " + now + " now").append('\n');
            return out.toString();
        }
        Optional<Scenario> baseline = Optional.ofNullable(input.get("baseline"))
                .map(b -> scenario(reader, b, "baseline"));
        Assessment now = baseline.isPresent() ? advisor.compare(baseline.get(), scenario).scenario()
                : advisor.assess(scenario);
        difference(out, likelihoods(logged.get("consequences")), now);
        return out.toString();
    }

    private static Scenario scenario(ScenarioReader reader, JsonNode facts, String name) {
        return reader.parse("{\"facts\": " + facts.toString() + "}", name).scenario();
    }

    private static Map<String, Double> likelihoods(JsonNode consequences) {
        Map<String, Double> then = new LinkedHashMap<>();
        for (JsonNode c : consequences) {
            JsonNode fact = c.get("fact");
            Map<String, Object> fields = new LinkedHashMap<>();
            fact.properties().forEach(e -> {
                if (!e.getKey().equals("type")) {
                    fields.put(e.getKey(), Json.value(e.getValue()));
                }
            });
            then.put(Fact.of(fact.get("type").asText(), fields).toString(), c.get("likelihood").asDouble());
        }
        return then;
    }

    private static void difference(StringBuilder out, Map<String, Double> then, Assessment assessment) {
        Map<String, Double> now = new LinkedHashMap<>();
        assessment.consequences().forEach(c -> now.put(c.fact().toString(), c.likelihood()));
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        now.forEach((fact, p) -> {
            if (!then.containsKey(fact)) {
                added.add(fact + "  likelihood " + p);
            } else if (Math.abs(then.get(fact) - p) > 1e-9) {
                changed.add(fact + "  likelihood " + then.get(fact) + " -> " + p);
            }
        });
        then.forEach((fact, p) -> {
            if (!now.containsKey(fact)) {
                removed.add(fact + "  likelihood " + p);
            }
        });
        if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
            out.append("No difference: the same ").append(now.size())
                    .append(" consequence(s) with the same likelihoods.\n");
            return;
        }
        section(out, "Added (follow now, not then)", added);
        section(out, "Removed (followed then, not now)", removed);
        section(out, "Changed likelihood", changed);
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append(title).append(" (").append(lines.size()).append("):\n");
            lines.forEach(l -> out.append("  ").append(l).append('\n'));
        }
    }
}
