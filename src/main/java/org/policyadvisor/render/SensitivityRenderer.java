package org.policyadvisor.render;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import org.policyadvisor.Assessment;
import org.policyadvisor.Change;
import org.policyadvisor.Consequence;
import org.policyadvisor.Fact;
import org.policyadvisor.Given;
import org.policyadvisor.analysis.Dependence;
import org.policyadvisor.analysis.Rank;
import org.policyadvisor.analysis.SensitivityReport;
import org.policyadvisor.analysis.Step;
import org.policyadvisor.analysis.Trial;

/** A {@link SensitivityReport} as text for people and as JSON for programs. */
public final class SensitivityRenderer {

    public String text(SensitivityReport report) {
        Assessment a = report.assessment();
        int total = a.consequences().size();
        StringBuilder out = new StringBuilder();
        out.append("Sensitivity of: ").append(a.description().isEmpty() ? "(no description)" : a.description())
                .append('\n');
        out.append("Rules revision ").append(a.revision()).append("; ").append(a.given().size())
                .append(" facts given, ").append(total).append(" consequences; ").append(report.trials().size())
                .append(" variants evaluated (each given withdrawn, each claim used disabled, each source dropped,")
                .append(" each claim one step firmer and weaker).\n");
        out.append("\nGivens, by how much of the answer rests on them:\n");
        ranks(out, report.givens(), total, r -> "[" + r.step().target() + "] " + r.step().label());
        out.append("\nClaims used, by how much of the answer rests on them:\n");
        ranks(out, report.claims(), total, r -> r.step().target());
        out.append("\nSources used:\n");
        ranks(out, report.sources(), total, r -> r.step().target());
        out.append("\nConsequences, and what each hangs on:\n");
        for (Dependence d : report.consequences()) {
            Consequence c = d.consequence();
            out.append("\n  [").append(c.id()).append("] ").append(c.fact()).append("  likelihood ")
                    .append(TextRenderer.format(c.likelihood()));
            if (!d.flags().isEmpty()) {
                out.append("  [").append(d.flagList().stream().map(f -> f.word().replace('-', ' '))
                        .collect(Collectors.joining(", "))).append(']');
            }
            out.append('\n');
            out.append("    hangs on: ").append(d.hangsOn().isEmpty() ? "no single given, claim or source"
                    : d.hangsOn().stream().map(Step::toString).collect(Collectors.joining(", "))).append('\n');
            for (Dependence.Effect e : d.effects()) {
                if (!e.removed()) {
                    out.append("    ").append(e.step()).append(": ").append(TextRenderer.format(e.before()))
                            .append(" -> ").append(TextRenderer.format(e.after())).append('\n');
                }
            }
        }
        List<Trial> adding = report.trials().stream().filter(t -> !t.added().isEmpty()).toList();
        if (!adding.isEmpty()) {
            out.append("\nSteps that add consequences:\n");
            for (Trial t : adding) {
                out.append("  ").append(t.step()).append(": ").append(t.added().stream()
                        .map(c -> c.fact() + " (" + TextRenderer.format(c.likelihood()) + ")")
                        .collect(Collectors.joining(", "))).append('\n');
            }
        }
        return out.toString();
    }

    private static void ranks(StringBuilder out, List<Rank> ranks, int total,
                              java.util.function.Function<Rank, String> name) {
        if (ranks.isEmpty()) {
            out.append("  none\n");
        }
        for (int i = 0; i < ranks.size(); i++) {
            Rank r = ranks.get(i);
            out.append(String.format(java.util.Locale.ROOT, "  %2d. ", i + 1)).append(name.apply(r)).append(": removes ")
                    .append(r.removes()).append(" of ").append(total).append(", weakens ").append(r.weakens())
                    .append(", likelihood lost ").append(TextRenderer.format(r.lost())).append('\n');
        }
    }

    public byte[] json(SensitivityReport report, boolean pretty) {
        return json(Map.of(), report, pretty);
    }

    /** The report, after the entries of {@code header} (such as a decision id). */
    public byte[] json(Map<String, String> header, SensitivityReport report, boolean pretty) {
        Assessment a = report.assessment();
        Map<Fact, String> ids = new HashMap<>();
        a.consequences().forEach(c -> ids.put(c.fact(), c.id()));
        return JsonDocument.object(pretty, g -> {
            JsonDocument.header(g, header);
            g.writeStringField("revision", a.revision());
            g.writeStringField("description", a.description());
            g.writeNumberField("evaluations", report.trials().size() + 1);
            g.writeArrayFieldStart("given");
            for (Given given : a.given()) {
                g.writeStartObject();
                g.writeStringField("id", given.id());
                JsonDocument.fact(g, given.fact());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("ranking");
            ranks(g, "givens", "id", report.givens());
            ranks(g, "claims", "rule", report.claims());
            ranks(g, "sources", "source", report.sources());
            g.writeEndObject();
            g.writeArrayFieldStart("consequences");
            for (Dependence d : report.consequences()) {
                dependence(g, d);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("steps");
            for (Trial t : report.trials()) {
                g.writeStartObject();
                step(g, t.step());
                g.writeArrayFieldStart("removed");
                for (Consequence c : t.removed()) {
                    g.writeString(c.id());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("added");
                for (Consequence c : t.added()) {
                    g.writeStartObject();
                    JsonDocument.fact(g, c.fact());
                    JsonDocument.likelihood(g, "likelihood", c.likelihood());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("changed");
                for (Change c : t.changed()) {
                    g.writeStartObject();
                    g.writeStringField("id", ids.get(c.before().fact()));
                    JsonDocument.likelihood(g, "before", c.before().likelihood());
                    JsonDocument.likelihood(g, "after", c.after().likelihood());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static void ranks(JsonGenerator g, String name, String key, List<Rank> ranks) throws IOException {
        g.writeArrayFieldStart(name);
        for (Rank r : ranks) {
            g.writeStartObject();
            g.writeStringField(key, r.step().target());
            if (r.step().kind() == Step.Kind.DISABLE) {
                g.writeStringField("name", r.step().label());
            }
            g.writeNumberField("removes", r.removes());
            g.writeNumberField("weakens", r.weakens());
            JsonDocument.likelihood(g, "lost", r.lost());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void dependence(JsonGenerator g, Dependence d) throws IOException {
        Consequence c = d.consequence();
        g.writeStartObject();
        g.writeStringField("id", c.id());
        JsonDocument.fact(g, c.fact());
        JsonDocument.likelihood(g, "likelihood", c.likelihood());
        g.writeNumberField("depth", c.depth());
        g.writeArrayFieldStart("flags");
        for (Dependence.Flag f : d.flagList()) {
            g.writeString(f.word());
        }
        g.writeEndArray();
        g.writeObjectFieldStart("hangsOn");
        targets(g, "givens", d.hangsOn(Step.Kind.WITHDRAW));
        targets(g, "claims", d.hangsOn(Step.Kind.DISABLE));
        targets(g, "sources", d.hangsOn(Step.Kind.DROP_SOURCE));
        g.writeEndObject();
        g.writeArrayFieldStart("effects");
        for (Dependence.Effect e : d.effects()) {
            g.writeStartObject();
            step(g, e.step());
            JsonDocument.likelihood(g, "before", e.before());
            if (e.removed()) {
                g.writeBooleanField("removed", true);
            } else {
                JsonDocument.likelihood(g, "after", e.after());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void targets(JsonGenerator g, String name, List<Step> steps) throws IOException {
        g.writeArrayFieldStart(name);
        for (Step s : steps) {
            g.writeString(s.target());
        }
        g.writeEndArray();
    }

    private static void step(JsonGenerator g, Step step) throws IOException {
        g.writeStringField("step", step.kind().word());
        g.writeStringField("target", step.target());
        if (step.kind() == Step.Kind.FIRMER || step.kind() == Step.Kind.WEAKER) {
            g.writeStringField("hedges", step.label());
        }
    }
}
