package org.policyadvisor.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import org.policyadvisor.Assessment;
import org.policyadvisor.Change;
import org.policyadvisor.Comparison;
import org.policyadvisor.Consequence;
import org.policyadvisor.Contest;
import org.policyadvisor.Derivation;
import org.policyadvisor.Given;
import org.policyadvisor.Node;
import org.policyadvisor.Rule;

/**
 * An assessment or a comparison as JSON for programs, with stable field names. An assessment is an explanation
 * graph: given facts and consequences carry ids, derivations refer to their premises by id, and each rule used is
 * described once under {@code rules} (name, quote, source, hedge, likelihood: the catalogue has the rest). Entries
 * of a difference carry their explanation as a nested tree. Compact, or pretty-printed for people.
 */
public final class AssessmentJson {

    private final boolean pretty;

    public AssessmentJson(boolean pretty) {
        this.pretty = pretty;
    }

    /** An assessment, with explanations when {@code explain} is true, after the header fields. */
    public byte[] assessment(Map<String, String> header, Assessment assessment, boolean explain) {
        return JsonOutput.object(pretty, header, g -> body(g, assessment, explain));
    }

    /** As {@link #assessment(Map, Assessment, boolean)}, written to {@code out}, which is left open. */
    public void assessment(OutputStream out, Map<String, String> header, Assessment assessment, boolean explain) {
        JsonOutput.object(out, pretty, header, g -> body(g, assessment, explain));
    }

    /** The scenario's assessment, then {@code diff} against the baseline. */
    public byte[] comparison(Map<String, String> header, Comparison comparison, boolean explain) {
        return JsonOutput.object(pretty, header, g -> comparison(g, comparison, explain));
    }

    /** As {@link #comparison(Map, Comparison, boolean)}, written to {@code out}, which is left open. */
    public void comparison(OutputStream out, Map<String, String> header, Comparison comparison, boolean explain) {
        JsonOutput.object(out, pretty, header, g -> comparison(g, comparison, explain));
    }

    private static void comparison(JsonGenerator g, Comparison comparison, boolean explain) throws IOException {
        body(g, comparison.scenario(), explain);
        g.writeObjectFieldStart("diff");
        g.writeStringField("baseline", comparison.baseline().description());
        g.writeArrayFieldStart("added");
        for (Consequence c : comparison.added()) {
            tree(g, c, explain);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("removed");
        for (Consequence c : comparison.removed()) {
            tree(g, c, explain);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("changed");
        for (Change c : comparison.changed()) {
            g.writeStartObject();
            JsonOutput.fact(g, c.after().fact());
            JsonOutput.likelihood(g, "before", c.before().likelihood());
            JsonOutput.likelihood(g, "after", c.after().likelihood());
            if (explain) {
                g.writeFieldName("explanation");
                tree(g, c.after(), true);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void body(JsonGenerator g, Assessment a, boolean explain) throws IOException {
        g.writeStringField("revision", a.revision());
        g.writeStringField("description", a.description());
        g.writeNumberField("firings", a.firings());
        g.writeArrayFieldStart("given");
        for (Given given : a.given()) {
            g.writeStartObject();
            g.writeStringField("id", given.id());
            JsonOutput.fact(g, given.fact());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("consequences");
        Map<String, Rule> used = new TreeMap<>();
        for (Consequence c : a.consequences()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            JsonOutput.fact(g, c.fact());
            JsonOutput.likelihood(g, "likelihood", c.likelihood());
            g.writeNumberField("depth", c.depth());
            g.writeArrayFieldStart("sources");
            for (String source : c.sources()) {
                g.writeString(source);
            }
            g.writeEndArray();
            if (explain) {
                g.writeArrayFieldStart("derivations");
                for (Derivation d : c.derivations()) {
                    used.putIfAbsent(d.rule().id(), d.rule());
                    g.writeStartObject();
                    g.writeStringField("rule", d.rule().id());
                    JsonOutput.likelihood(g, "likelihood", d.likelihood());
                    JsonOutput.likelihood(g, "weight", d.weight());
                    g.writeArrayFieldStart("premises");
                    for (Node p : d.premises()) {
                        g.writeString(p.id());
                    }
                    g.writeEndArray();
                    absent(g, d);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("contested");
        for (Contest c : a.contested()) {
            g.writeStartObject();
            g.writeStringField("one", c.one().id());
            g.writeStringField("other", c.other().id());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (explain) {
            g.writeObjectFieldStart("rules");
            for (Rule r : used.values()) {
                g.writeFieldName(r.id());
                citation(g, r);
            }
            g.writeEndObject();
        }
    }

    /**
     * A rule as an explanation cites it, under its id: what it is called, what it rests on and how sure the source
     * is. What it needs and concludes, and where it is written, are in the catalogue ({@link CatalogueJson}).
     */
    private static void citation(JsonGenerator g, Rule r) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeStringField("quote", r.quote());
        g.writeStringField("source", r.source());
        g.writeStringField("hedge", r.hedge().word());
        g.writeNumberField("likelihood", r.likelihood());
        g.writeEndObject();
    }

    /**
     * A node and its explanation as a nested tree, as the entries of a difference carry it, for documents other than
     * an answer (an impact report, for instance).
     */
    public static void explanation(JsonGenerator g, Node node) throws IOException {
        tree(g, node, true);
    }

    /** A node with its explanation as a nested tree: each derivation with its premises written in full. */
    private static void tree(JsonGenerator g, Node node, boolean explain) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", node.id());
        JsonOutput.fact(g, node.fact());
        JsonOutput.likelihood(g, "likelihood", node.likelihood());
        if (node instanceof Given) {
            g.writeBooleanField("given", true);
        } else if (node instanceof Consequence c && explain) {
            g.writeArrayFieldStart("derivations");
            for (Derivation d : c.derivations()) {
                g.writeStartObject();
                g.writeStringField("rule", d.rule().id());
                g.writeStringField("hedge", d.hedge().word());
                g.writeStringField("quote", d.rule().quote());
                g.writeStringField("source", d.rule().source());
                JsonOutput.likelihood(g, "likelihood", d.likelihood());
                JsonOutput.likelihood(g, "weight", d.weight());
                g.writeArrayFieldStart("premises");
                for (Node p : d.premises()) {
                    tree(g, p, true);
                }
                g.writeEndArray();
                absent(g, d);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void absent(JsonGenerator g, Derivation d) throws IOException {
        if (!d.absent().isEmpty()) {
            g.writeArrayFieldStart("absent");
            for (String v : d.absent()) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }
}
