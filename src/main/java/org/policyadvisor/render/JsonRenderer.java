package org.policyadvisor.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import org.policyadvisor.Assessment;
import org.policyadvisor.Change;
import org.policyadvisor.Comparison;
import org.policyadvisor.Consequence;
import org.policyadvisor.Derivation;
import org.policyadvisor.Fact;
import org.policyadvisor.Given;
import org.policyadvisor.Node;
import org.policyadvisor.Rule;

/**
 * JSON for programs, with stable field names. An assessment is an explanation graph: given facts and
 * consequences carry ids, derivations refer to their premises by id, and each rule used is described
 * once under {@code rules}. Entries of a difference carry their explanation as a nested tree.
 */
public final class JsonRenderer {

    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final boolean pretty;
    /** Compact JSON of each rule by id, written once per rule object: the rules of a rule base never change. */
    private final Map<String, Rendered> rules = new ConcurrentHashMap<>();

    private record Rendered(Rule rule, SerializedString json) {
    }

    public JsonRenderer(boolean pretty) {
        this.pretty = pretty;
    }

    /** An assessment, with explanations when {@code explain} is true. */
    public byte[] assessment(Map<String, String> header, Assessment assessment, boolean explain) {
        return bytes(out -> assessment(out, header, assessment, explain));
    }

    /** As {@link #assessment(Map, Assessment, boolean)}, written to {@code out}, which is left open. */
    public void assessment(OutputStream out, Map<String, String> header, Assessment assessment, boolean explain) {
        write(out, g -> {
            header(g, header);
            body(g, assessment, explain);
        });
    }

    /** The scenario's assessment, then {@code diff} against the baseline. */
    public byte[] comparison(Map<String, String> header, Comparison comparison, boolean explain) {
        return bytes(out -> comparison(out, header, comparison, explain));
    }

    /** As {@link #comparison(Map, Comparison, boolean)}, written to {@code out}, which is left open. */
    public void comparison(OutputStream out, Map<String, String> header, Comparison comparison, boolean explain) {
        write(out, g -> {
            header(g, header);
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
                fact(g, c.after().fact());
                g.writeNumberField("before", round(c.before().likelihood()));
                g.writeNumberField("after", round(c.after().likelihood()));
                if (explain) {
                    g.writeFieldName("explanation");
                    tree(g, c.after(), true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] bytes(java.util.function.Consumer<OutputStream> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        writer.accept(out);
        return out.toByteArray();
    }

    private void write(OutputStream out, Body body) {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(JsonGenerator g, Map<String, String> header) throws IOException {
        for (Map.Entry<String, String> e : header.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
    }

    private void body(JsonGenerator g, Assessment a, boolean explain) throws IOException {
        g.writeStringField("revision", a.revision());
        g.writeStringField("description", a.description());
        g.writeNumberField("firings", a.firings());
        g.writeArrayFieldStart("given");
        for (Given given : a.given()) {
            g.writeStartObject();
            g.writeStringField("id", given.id());
            fact(g, given.fact());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("consequences");
        Map<String, Rule> used = new LinkedHashMap<>();
        for (Consequence c : a.consequences()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            fact(g, c.fact());
            g.writeNumberField("likelihood", round(c.likelihood()));
            g.writeNumberField("depth", c.depth());
            if (explain) {
                g.writeArrayFieldStart("derivations");
                for (Derivation d : c.derivations()) {
                    used.putIfAbsent(d.rule().id(), d.rule());
                    g.writeStartObject();
                    g.writeStringField("rule", d.rule().id());
                    g.writeNumberField("likelihood", round(d.likelihood()));
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
        if (explain) {
            g.writeObjectFieldStart("rules");
            for (Rule r : used.values().stream().sorted((x, y) -> x.id().compareTo(y.id())).toList()) {
                g.writeFieldName(r.id());
                usedRule(g, r);
            }
            g.writeEndObject();
        }
    }

    private void usedRule(JsonGenerator g, Rule r) throws IOException {
        if (pretty) {
            rule(g, r);
            return;
        }
        Rendered cached = rules.get(r.id());
        if (cached == null || cached.rule() != r) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            try (JsonGenerator own = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                rule(own, r);
            }
            cached = new Rendered(r, new SerializedString(out.toString(StandardCharsets.UTF_8)));
            rules.put(r.id(), cached);
        }
        g.writeRawValue(cached.json());
    }

    /** A rule as the catalogue shows it. */
    public static void rule(JsonGenerator g, Rule r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", r.name());
        g.writeStringField("quote", r.quote());
        g.writeStringField("source", r.source());
        g.writeStringField("hedge", r.hedge().word());
        g.writeNumberField("likelihood", r.likelihood());
        strings(g, "needs", r.needs());
        strings(g, "absent", r.absent());
        strings(g, "concludes", r.concludes());
        g.writeStringField("file", r.file());
        g.writeNumberField("line", r.line());
        g.writeEndObject();
    }

    private static void tree(JsonGenerator g, Node node, boolean explain) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", node.id());
        fact(g, node.fact());
        g.writeNumberField("likelihood", round(node.likelihood()));
        if (node instanceof Given) {
            g.writeBooleanField("given", true);
        } else if (node instanceof Consequence c && explain) {
            g.writeArrayFieldStart("derivations");
            for (Derivation d : c.derivations()) {
                g.writeStartObject();
                g.writeStringField("rule", d.rule().id());
                g.writeStringField("hedge", d.rule().hedge().word());
                g.writeStringField("quote", d.rule().quote());
                g.writeNumberField("likelihood", round(d.likelihood()));
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
            strings(g, "absent", d.absent());
        }
    }

    static void fact(JsonGenerator g, Fact fact) throws IOException {
        g.writeStringField("type", fact.type());
        g.writeObjectFieldStart("fields");
        for (Map.Entry<String, Object> e : fact.fields().entrySet()) {
            g.writeFieldName(e.getKey());
            Object v = e.getValue();
            if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v == null) {
                g.writeNull();
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Likelihoods are shown to three decimals. */
    public static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
