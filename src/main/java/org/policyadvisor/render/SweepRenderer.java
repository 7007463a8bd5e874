package org.policyadvisor.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.Fact;
import org.policyadvisor.MalformedInputException;
import org.policyadvisor.Problem;
import org.policyadvisor.analysis.Holding;
import org.policyadvisor.analysis.SweepResult;
import org.policyadvisor.json.Json;

/**
 * A {@link SweepResult} as text for people, and as JSON that {@link #read} reads back, so that the outputs of the
 * slices of a sweep can be merged. Uncertain facts are named {@code u1}..{@code uk}; a set of them is a list of
 * those names. The sets that block a consequence and the robust consequences are shown for a complete sweep only.
 */
public final class SweepRenderer {

    public String text(SweepResult r) {
        StringBuilder out = new StringBuilder();
        int k = r.uncertain().size();
        out.append("Sweep of: ").append(r.description().isEmpty() ? "(no description)" : r.description()).append('\n');
        out.append("Rules revision ").append(r.revision()).append("; ").append(r.given().size())
                .append(" facts kept, ").append(k).append(" uncertain, ").append(r.combinations())
                .append(" combinations, ").append(r.evaluated()).append(" evaluated");
        if (r.failed() > 0) {
            out.append(", ").append(r.failed()).append(" failed (first: combination ")
                    .append(set(r.firstFailure().combination())).append(": ").append(r.firstFailure().message())
                    .append(')');
        }
        out.append(".\n");
        if (!r.complete()) {
            out.append("Slices evaluated: ").append(r.slices().stream().map(s -> s.from() + ".." + (s.to() - 1))
                    .collect(Collectors.joining(", "))).append(" (merge the others to see what blocks each"
                    + " consequence and what is robust).\n");
        }
        out.append("\nUncertain facts:\n");
        for (int j = 0; j < k; j++) {
            out.append("  u").append(j + 1).append(' ').append(r.uncertain().get(j)).append('\n');
        }
        List<Holding> robust = r.complete() ? r.robust() : List.of();
        if (r.complete()) {
            out.append("\nRobust (hold in every combination): ").append(robust.size()).append('\n');
            for (Holding h : robust) {
                out.append("  ").append(h.fact()).append("  likelihood ").append(range(h)).append('\n');
            }
        }
        out.append("\nDepending on the uncertain facts:\n");
        List<Holding> others = r.consequences().stream().filter(h -> !robust.contains(h)).toList();
        if (others.isEmpty()) {
            out.append("  none\n");
        }
        for (Holding h : others) {
            out.append("  ").append(h.fact()).append("  holds in ").append(h.holds()).append(" of ")
                    .append(r.evaluated()).append(", likelihood ").append(range(h)).append('\n');
            out.append("    holds with: ").append(sets(h.holdsWith())).append('\n');
            if (r.complete()) {
                out.append("    blocked by: ").append(sets(h.blockedBy(k))).append('\n');
            }
        }
        return out.toString();
    }

    private static String range(Holding h) {
        if (h.least() == h.greatest()) {
            return TextRenderer.format(h.least());
        }
        return TextRenderer.format(h.least()) + " to " + TextRenderer.format(h.greatest()) + " (mean "
                + TextRenderer.format(h.mean()) + ")";
    }

    private static String sets(List<Integer> masks) {
        return masks.isEmpty() ? "none" : masks.stream().map(SweepRenderer::set).collect(Collectors.joining(" or "));
    }

    private static String set(int mask) {
        return names(mask).stream().collect(Collectors.joining(", ", "{", "}"));
    }

    private static List<String> names(int mask) {
        List<String> names = new ArrayList<>();
        for (int m = mask; m != 0; m &= m - 1) {
            names.add("u" + (Integer.numberOfTrailingZeros(m) + 1));
        }
        return names;
    }

    public byte[] json(SweepResult r, boolean pretty) {
        return json(Map.of(), r, pretty);
    }

    /** The result, after the entries of {@code header} (such as a decision id). */
    public byte[] json(Map<String, String> header, SweepResult r, boolean pretty) {
        int k = r.uncertain().size();
        return JsonDocument.object(pretty, g -> {
            JsonDocument.header(g, header);
            g.writeStringField("revision", r.revision());
            g.writeStringField("description", r.description());
            g.writeNumberField("combinations", r.combinations());
            g.writeNumberField("evaluated", r.evaluated());
            g.writeBooleanField("complete", r.complete());
            g.writeArrayFieldStart("slices");
            for (SweepResult.Slice s : r.slices()) {
                g.writeStartObject();
                g.writeNumberField("from", s.from());
                g.writeNumberField("to", s.to());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("failed", r.failed());
            if (r.firstFailure() != null) {
                g.writeObjectFieldStart("firstFailure");
                sets(g, "combination", List.of(r.firstFailure().combination()));
                g.writeStringField("message", r.firstFailure().message());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("given");
            for (Fact f : r.given()) {
                JsonDocument.factObject(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("uncertain");
            for (int j = 0; j < k; j++) {
                g.writeStartObject();
                g.writeStringField("id", "u" + (j + 1));
                JsonDocument.fact(g, r.uncertain().get(j));
                g.writeEndObject();
            }
            g.writeEndArray();
            if (r.complete()) {
                g.writeArrayFieldStart("robust");
                for (Holding h : r.robust()) {
                    JsonDocument.factObject(g, h.fact());
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("consequences");
            for (Holding h : r.consequences()) {
                holding(g, h, r, k);
            }
            g.writeEndArray();
        });
    }

    private static void holding(JsonGenerator g, Holding h, SweepResult r, int k) throws IOException {
        g.writeStartObject();
        JsonDocument.fact(g, h.fact());
        g.writeNumberField("holds", h.holds());
        if (r.complete()) {
            g.writeBooleanField("robust", h.holds() == r.combinations());
        }
        g.writeObjectFieldStart("likelihood");
        JsonDocument.likelihood(g, "least", h.least());
        JsonDocument.likelihood(g, "greatest", h.greatest());
        JsonDocument.likelihood(g, "mean", h.mean());
        g.writeNumberField("sumThousandths", h.thousandths());
        g.writeEndObject();
        sets(g, "holdsWith", h.holdsWith());
        if (r.complete()) {
            sets(g, "blockedBy", h.blockedBy(k));
        }
        sets(g, "largest", h.largest());
        g.writeEndObject();
    }

    private static void sets(JsonGenerator g, String name, List<Integer> masks) throws IOException {
        g.writeArrayFieldStart(name);
        for (int mask : masks) {
            g.writeStartArray();
            for (String id : names(mask)) {
                g.writeString(id);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /**
     * Reads what {@link #json} wrote; {@code where} names the document in errors.
     *
     * @throws MalformedInputException when the text is not such a document
     */
    public SweepResult read(String text, String where) {
        JsonNode root = Json.parse(text, where);
        try {
            List<Fact> uncertain = facts(root.get("uncertain"));
            List<SweepResult.Slice> slices = new ArrayList<>();
            for (JsonNode s : required(root, "slices")) {
                slices.add(new SweepResult.Slice(s.get("from").asLong(), s.get("to").asLong()));
            }
            List<Holding> holdings = new ArrayList<>();
            for (JsonNode h : required(root, "consequences")) {
                JsonNode l = required(h, "likelihood");
                holdings.add(new Holding(fact(h), h.get("holds").asLong(), l.get("least").asDouble(),
                        l.get("greatest").asDouble(), l.get("sumThousandths").asLong(), masks(h.get("holdsWith")),
                        masks(h.get("largest"))));
            }
            JsonNode failure = root.get("firstFailure");
            return new SweepResult(required(root, "revision").asText(), root.path("description").asText(),
                    facts(root.get("given")), uncertain, required(root, "combinations").asLong(), slices, holdings,
                    root.path("failed").asLong(), failure == null ? null : new SweepResult.Failure(
                            masks(failure.get("combination")).get(0), failure.path("message").asText()));
        } catch (RuntimeException e) {
            throw new MalformedInputException(new Problem(where, "not the JSON output of a sweep: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
    }

    private static JsonNode required(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return value;
    }

    private static List<Fact> facts(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("expected arrays of facts under \"given\" and \"uncertain\"");
        }
        List<Fact> facts = new ArrayList<>();
        array.forEach(f -> facts.add(fact(f)));
        return facts;
    }

    private static Fact fact(JsonNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        required(node, "fields").properties().forEach(e -> fields.put(e.getKey(), Json.value(e.getValue())));
        return Fact.of(required(node, "type").asText(), fields);
    }

    private static List<Integer> masks(JsonNode sets) {
        List<Integer> masks = new ArrayList<>();
        for (JsonNode set : sets == null ? List.<JsonNode>of() : (Iterable<JsonNode>) sets::elements) {
            int mask = 0;
            for (JsonNode id : set) {
                mask |= 1 << (Integer.parseInt(id.asText().substring(1)) - 1);
            }
            masks.add(mask);
        }
        return masks;
    }
}
