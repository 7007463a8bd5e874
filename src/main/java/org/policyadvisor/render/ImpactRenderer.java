package org.policyadvisor.render;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import org.policyadvisor.Change;
import org.policyadvisor.Consequence;
import org.policyadvisor.Rule;
import org.policyadvisor.analysis.ImpactReport;
import org.policyadvisor.analysis.RuleDiff;
import org.policyadvisor.analysis.ScenarioImpact;
import org.policyadvisor.scenario.Outcome;

/**
 * An {@link ImpactReport} as text for people and as JSON for programs. A removed consequence is explained as the
 * old rules derived it, an added one as the new rules do, and a changed one on each side.
 */
public final class ImpactRenderer {

    private final TextRenderer text = new TextRenderer();

    public String text(ImpactReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Impact of the rule change: revision ").append(report.oldRevision()).append(" -> ")
                .append(report.newRevision()).append('\n');
        RuleDiff rules = report.rules();
        out.append("\nRules that differ (").append(rules.ids().size()).append("):\n");
        if (rules.isEmpty()) {
            out.append("  none\n");
        }
        rules.changed().forEach(c -> out.append("  changed  ").append(c.id()).append(": ")
                .append(String.join(", ", c.differences())).append('\n'));
        rules.added().forEach(r -> out.append("  added    ").append(r.id()).append('\n'));
        rules.removed().forEach(r -> out.append("  removed  ").append(r.id()).append('\n'));
        out.append("\nConsequences touched (").append(report.consequences().size()).append("):\n");
        if (report.consequences().isEmpty()) {
            out.append("  none\n");
        }
        for (ImpactReport.Touch t : report.consequences()) {
            out.append("  ").append(String.format(java.util.Locale.ROOT, "%-8s ", t.kind().word())).append(t.fact())
                    .append(" in ").append(String.join(", ", t.scenarios())).append('\n');
        }
        out.append("\nScenarios:\n");
        for (ScenarioImpact s : report.scenarios()) {
            scenario(out, s);
        }
        List<ScenarioImpact> regressions = report.regressions();
        long affected = report.scenarios().stream().filter(s -> !s.unaffected()).count();
        out.append('\n').append(report.scenarios().size()).append(" scenarios, ").append(affected)
                .append(" affected, ").append(regressions.size()).append(regressions.size() == 1 ? " regression"
                        : " regressions");
        if (!regressions.isEmpty()) {
            out.append(": ").append(regressions.stream().map(ScenarioImpact::name).collect(Collectors.joining(", ")));
        }
        out.append(".\n");
        return out.toString();
    }

    private void scenario(StringBuilder out, ScenarioImpact s) {
        out.append("\n  ").append(s.name()).append(": ");
        if (s.problem() != null) {
            out.append("cannot be compared: ").append(s.problem()).append('\n');
        } else if (s.added().isEmpty() && s.removed().isEmpty() && s.changed().isEmpty()) {
            out.append("same consequences, same likelihoods\n");
        } else {
            out.append(s.added().size()).append(" added, ").append(s.removed().size()).append(" removed, ")
                    .append(s.changed().size()).append(" changed\n");
        }
        out.append("    expectations: ").append(verdict(s.before())).append(" under the old rules, ")
                .append(verdict(s.after())).append(" under the new")
                .append(s.regression() ? "  REGRESSION" : s.fixed() ? "  (fixed)" : "").append('\n');
        if (s.regression()) {
            s.after().failures().forEach(f -> out.append("      ").append(f).append('\n'));
        }
        for (Change c : s.changed()) {
            out.append("    changed ").append(c.after().fact()).append(": ").append(TextRenderer.format(c.before()
                    .likelihood())).append(" -> ").append(TextRenderer.format(c.after().likelihood())).append('\n');
            out.append("      under the old rules:\n").append(text.explanation(c.before(), 4));
            out.append("      under the new rules:\n").append(text.explanation(c.after(), 4));
        }
        for (Consequence c : s.added()) {
            out.append("    added (follows under the new rules only):\n").append(text.explanation(c, 3));
        }
        for (Consequence c : s.removed()) {
            out.append("    removed (followed under the old rules only):\n").append(text.explanation(c, 3));
        }
    }

    private static String verdict(Outcome o) {
        return o.passed() ? "pass" : "fail";
    }

    public byte[] json(ImpactReport report, boolean pretty) {
        return JsonDocument.object(pretty, g -> {
            g.writeStringField("oldRevision", report.oldRevision());
            g.writeStringField("newRevision", report.newRevision());
            rules(g, report.rules());
            g.writeArrayFieldStart("consequences");
            for (ImpactReport.Touch t : report.consequences()) {
                g.writeStartObject();
                JsonDocument.fact(g, t.fact());
                g.writeStringField("kind", t.kind().word());
                g.writeArrayFieldStart("scenarios");
                for (String name : t.scenarios()) {
                    g.writeString(name);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("scenarios");
            for (ScenarioImpact s : report.scenarios()) {
                scenario(g, s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("regressions");
            for (ScenarioImpact s : report.regressions()) {
                g.writeString(s.name());
            }
            g.writeEndArray();
        });
    }

    /**
     * The impact in brief, as fields of an object being written: {@code summary} (the numbers of
     * {@link ImpactReport#summary()}), {@code regressions} (each scenario with the failures of its expectations under
     * the new rules), {@code rules} (those that differ) and {@code scenarios}: each scenario the change affects, with
     * the facts of the consequences added and removed ({@code Type(field=value, ...)} and likelihood) and changed
     * (likelihood before and after), no explanations.
     */
    public static void brief(JsonGenerator g, ImpactReport report) throws IOException {
        ImpactReport.Summary n = report.summary();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("scenarios", n.scenarios());
        g.writeNumberField("affected", n.affected());
        g.writeNumberField("added", n.added());
        g.writeNumberField("removed", n.removed());
        g.writeNumberField("changed", n.changed());
        g.writeNumberField("regressions", n.regressions());
        g.writeEndObject();
        g.writeArrayFieldStart("regressions");
        for (ScenarioImpact s : report.regressions()) {
            g.writeStartObject();
            g.writeStringField("scenario", s.name());
            strings(g, "failures", s.after().failures());
            g.writeEndObject();
        }
        g.writeEndArray();
        rules(g, report.rules());
        g.writeArrayFieldStart("scenarios");
        for (ScenarioImpact s : report.scenarios()) {
            if (!s.unaffected()) {
                briefScenario(g, s);
            }
        }
        g.writeEndArray();
    }

    private static void briefScenario(JsonGenerator g, ScenarioImpact s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        if (s.problem() != null) {
            g.writeStringField("problem", s.problem());
        }
        g.writeBooleanField("passedBefore", s.before().passed());
        g.writeBooleanField("passedAfter", s.after().passed());
        g.writeBooleanField("regression", s.regression());
        briefConsequences(g, "added", s.added());
        briefConsequences(g, "removed", s.removed());
        g.writeArrayFieldStart("changed");
        for (Change c : s.changed()) {
            g.writeStartObject();
            g.writeStringField("fact", c.after().fact().toString());
            JsonDocument.likelihood(g, "before", c.before().likelihood());
            JsonDocument.likelihood(g, "after", c.after().likelihood());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void briefConsequences(JsonGenerator g, String name, List<Consequence> consequences)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (Consequence c : consequences) {
            g.writeStartObject();
            g.writeStringField("fact", c.fact().toString());
            JsonDocument.likelihood(g, "likelihood", c.likelihood());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void rules(JsonGenerator g, RuleDiff rules) throws IOException {
        g.writeObjectFieldStart("rules");
        ids(g, "added", rules.added());
        ids(g, "removed", rules.removed());
        g.writeArrayFieldStart("changed");
        for (RuleDiff.Changed c : rules.changed()) {
            g.writeStartObject();
            g.writeStringField("rule", c.id());
            strings(g, "differences", c.differences());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void scenario(JsonGenerator g, ScenarioImpact s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("description", s.description());
        if (s.problem() != null) {
            g.writeStringField("problem", s.problem());
        }
        g.writeBooleanField("passedBefore", s.before().passed());
        g.writeBooleanField("passedAfter", s.after().passed());
        g.writeBooleanField("regression", s.regression());
        strings(g, "failures", s.after().failures());
        g.writeArrayFieldStart("added");
        for (Consequence c : s.added()) {
            AssessmentJson.explanation(g, c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("removed");
        for (Consequence c : s.removed()) {
            AssessmentJson.explanation(g, c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("changed");
        for (Change c : s.changed()) {
            g.writeStartObject();
            JsonDocument.fact(g, c.after().fact());
            JsonDocument.likelihood(g, "before", c.before().likelihood());
            JsonDocument.likelihood(g, "after", c.after().likelihood());
            g.writeFieldName("explanationBefore");
            AssessmentJson.explanation(g, c.before());
            g.writeFieldName("explanationAfter");
            AssessmentJson.explanation(g, c.after());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void ids(JsonGenerator g, String name, List<Rule> rules) throws IOException {
        strings(g, name, rules.stream().map(Rule::id).toList());
    }
}
