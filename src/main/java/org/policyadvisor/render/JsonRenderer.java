package org.policyadvisor.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
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
 * once under {@code rules} (name, quote, source, hedge, likelihood: the catalogue has the rest). Entries of a
 * difference carry their explanation as a nested tree.
 *
 * <p>The names of the document and the likelihoods (three decimals) are encoded once, not on every write.
 */
public final class JsonRenderer {

    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString FIELDS = new SerializedString("fields");
    private static final SerializedString LIKELIHOOD = new SerializedString("likelihood");
    private static final SerializedString DERIVATIONS = new SerializedString("derivations");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString PREMISES = new SerializedString("premises");
    private static final SerializedString ABSENT = new SerializedString("absent");
    private static final SerializedString HEDGE = new SerializedString("hedge");
    private static final SerializedString QUOTE = new SerializedString("quote");
    private static final SerializedString GIVEN = new SerializedString("given");
    /**
     * Field names of facts, node ids and rule ids: the few names of a vocabulary and of a rule base, and ids
     * that recur from answer to answer, encoded once each.
     */
    private static final Map<String, SerializedString> ENCODED = new ConcurrentHashMap<>();
    private static final int MAX_ENCODED = 4096;
    private final boolean pretty;
    /**
     * Compact JSON of each rule's entry under {@code rules}, by id, written once per rule object: the rules of a rule
     * base never change.
     */
    private final Map<String, Rendered> rules = new ConcurrentHashMap<>();

    /**
     * A rule's pieces of compact JSON: its entry under {@code rules} ({@code "id":{...}}) and the opening of a
     * derivation by it ({@code {"rule":"id"}), each as the first entry and after another, and its absent conditions
     * ({@code ,"absent":[...]}, or nothing) for the list the rule holds.
     */
    private record Rendered(Rule rule, SerializedString entryFirst, SerializedString entryNext,
                            SerializedString derivationFirst, SerializedString derivationNext,
                            List<String> absentList, SerializedString absent, long chars0to3, long chars4to7) {

        /** Orders as the ids do: by their first eight characters packed into two numbers, then by the whole id. */
        int compareTo(Rendered other) {
            int c = Long.compareUnsigned(chars0to3, other.chars0to3);
            if (c == 0) {
                c = Long.compareUnsigned(chars4to7, other.chars4to7);
            }
            return c != 0 ? c : rule.id().compareTo(other.rule.id());
        }

        /** Characters {@code from} to {@code from + 3} of the text as one number, 16 bits each, 0 past its end. */
        static long packed(String text, int from) {
            long packed = 0;
            for (int i = from; i < from + 4; i++) {
                packed = packed << 16 | (i < text.length() ? text.charAt(i) : 0);
            }
            return packed;
        }
    }

    private static final Comparator<Rendered> RENDERED_BY_ID = Rendered::compareTo;
    private static final SerializedString DERIVATIONS_OPEN = new SerializedString(",\"derivations\":[");
    private static final SerializedString PREMISES_OPEN = new SerializedString(",\"premises\":[");
    private static final SerializedString NOTHING = new SerializedString("");

    /**
     * The JSON of facts seen before ({@code "type":...,"fields":{...}}), written once each: the facts of a
     * vocabulary recur from answer to answer. At most {@link #MAX_FACTS} are kept; others are written each time.
     */
    private final Map<Fact, SerializedString> facts = new ConcurrentHashMap<>();
    private static final int MAX_FACTS = 16_384;

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
        if (!pretty) {
            compactBody(g, a, explain);
            return;
        }
        g.writeArrayFieldStart("given");
        for (Given given : a.given()) {
            g.writeStartObject();
            g.writeStringField("id", given.id());
            fact(g, given.fact());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("consequences");
        Map<String, Rule> used = new TreeMap<>();
        for (Consequence c : a.consequences()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            fact(g, c.fact());
            g.writeFieldName(LIKELIHOOD);
            likelihood(g, c.likelihood());
            g.writeNumberField("depth", c.depth());
            if (explain) {
                g.writeArrayFieldStart("derivations");
                for (Derivation d : c.derivations()) {
                    used.putIfAbsent(d.rule().id(), d.rule());
                    g.writeStartObject();
                    g.writeStringField("rule", d.rule().id());
                    g.writeFieldName(LIKELIHOOD);
                    likelihood(g, d.likelihood());
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
            for (Rule r : used.values()) {
                g.writeFieldName(r.id());
                citation(g, r);
            }
            g.writeEndObject();
        }
    }

    /**
     * The given facts, the consequences and the rules they used, written as raw text from pieces encoded once: the
     * pieces of {@link Fragments}, each fact's JSON ({@link #factAfterField}) and each rule's ({@link #rendered}).
     * The generator is only told where the arrays and objects open and close; the commas between entries are in the
     * pieces.
     */
    private void compactBody(JsonGenerator g, Assessment a, boolean explain) throws IOException {
        g.writeArrayFieldStart("given");
        boolean first = true;
        for (Given given : a.given()) {
            g.writeRaw(Fragments.open(given.id(), first));
            factAfterField(g, given.fact());
            g.writeRaw('}');
            first = false;
        }
        g.writeEndArray();
        g.writeArrayFieldStart("consequences");
        List<Rendered> used = explain ? new ArrayList<>() : List.of();
        first = true;
        for (Consequence c : a.consequences()) {
            g.writeRaw(Fragments.open(c.id(), first));
            first = false;
            factAfterField(g, c.fact());
            g.writeRaw(Fragments.likelihood(c.likelihood()));
            g.writeRaw(Fragments.depth(c.depth()));
            if (explain) {
                g.writeRaw(DERIVATIONS_OPEN);
                boolean firstDerivation = true;
                for (Derivation d : c.derivations()) {
                    Rendered rule = rendered(d.rule());
                    used.add(rule);
                    g.writeRaw(firstDerivation ? rule.derivationFirst() : rule.derivationNext());
                    firstDerivation = false;
                    g.writeRaw(Fragments.likelihood(d.likelihood()));
                    g.writeRaw(PREMISES_OPEN);
                    boolean firstPremise = true;
                    for (Node p : d.premises()) {
                        g.writeRaw(Fragments.reference(p.id(), firstPremise));
                        firstPremise = false;
                    }
                    g.writeRaw(']');
                    g.writeRaw(d.absent() == rule.absentList() ? rule.absent() : absentText(d.absent()));
                    g.writeRaw('}');
                }
                g.writeRaw(']');
            }
            g.writeRaw('}');
        }
        g.writeEndArray();
        if (explain) {
            // Every rule the derivations used, by id; a rule used twice is written once.
            used.sort(RENDERED_BY_ID);
            g.writeObjectFieldStart("rules");
            Rendered previous = null;
            for (Rendered r : used) {
                if (previous == null || (r != previous && !r.rule().id().equals(previous.rule().id()))) {
                    g.writeRaw(previous == null ? r.entryFirst() : r.entryNext());
                }
                previous = r;
            }
            g.writeEndObject();
        }
    }

    /** A rule's pieces, from {@link #rules} when written before for this rule object. */
    private Rendered rendered(Rule r) throws IOException {
        Rendered cached = rules.get(r.id());
        if (cached == null || cached.rule() != r) {
            String inner = entries(own -> {
                own.writeFieldName(r.id());
                citation(own, r);
            });
            String open = "{\"rule\":" + Fragments.quoted(r.id());
            cached = new Rendered(r, new SerializedString(inner), new SerializedString("," + inner),
                    new SerializedString(open), new SerializedString("," + open), r.absent(),
                    absentText(r.absent()), Rendered.packed(r.id(), 0), Rendered.packed(r.id(), 4));
            rules.put(r.id(), cached);
        }
        return cached;
    }

    /** {@code ,"absent":[...]}, or nothing when the list is empty. */
    private static SerializedString absentText(List<String> absent) {
        if (absent.isEmpty()) {
            return NOTHING;
        }
        StringBuilder text = new StringBuilder(",\"absent\":[");
        for (int i = 0; i < absent.size(); i++) {
            text.append(i == 0 ? "" : ",").append(Fragments.quoted(absent.get(i)));
        }
        return new SerializedString(text.append(']').toString());
    }

    /**
     * A rule as an explanation cites it, under its id: what it is called, what it rests on and how sure the source
     * is. What it needs and concludes, and where it is written, are in the catalogue ({@link #rule}).
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

    /**
     * A node and its explanation as a nested tree, as the entries of a difference carry it, for documents other
     * than an answer. Compact renderers write facts as raw text: {@code g} must be compact too.
     */
    public void explanation(JsonGenerator g, Node node) throws IOException {
        tree(g, node, true);
    }

    private void tree(JsonGenerator g, Node node, boolean explain) throws IOException {
        g.writeStartObject();
        g.writeFieldName(ID);
        g.writeString(encoded(node.id()));
        factAfterField(g, node.fact());
        g.writeFieldName(LIKELIHOOD);
        likelihood(g, node.likelihood());
        if (node instanceof Given) {
            g.writeFieldName(GIVEN);
            g.writeBoolean(true);
        } else if (node instanceof Consequence c && explain) {
            g.writeFieldName(DERIVATIONS);
            g.writeStartArray();
            for (Derivation d : c.derivations()) {
                g.writeStartObject();
                g.writeFieldName(RULE);
                g.writeString(encoded(d.rule().id()));
                g.writeFieldName(HEDGE);
                g.writeString(d.rule().hedge().word());
                g.writeFieldName(QUOTE);
                g.writeString(d.rule().quote());
                g.writeFieldName(LIKELIHOOD);
                likelihood(g, d.likelihood());
                g.writeFieldName(PREMISES);
                g.writeStartArray();
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
            g.writeFieldName(ABSENT);
            g.writeStartArray();
            for (String v : d.absent()) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /**
     * Writes a fact's {@code type} and {@code fields} where the object already has a field, from {@link #facts}
     * when not pretty-printing. Raw text leaves the generator's count of fields where it was, so this must not be
     * an object's first entry.
     */
    private void factAfterField(JsonGenerator g, Fact fact) throws IOException {
        if (pretty) {
            fact(g, fact);
            return;
        }
        SerializedString json = facts.get(fact);
        if (json == null) {
            // After the comma that separates it from the field before.
            json = new SerializedString("," + entries(own -> fact(own, fact)));
            if (facts.size() < MAX_FACTS) {
                facts.putIfAbsent(fact, json);
            }
        }
        g.writeRaw(json);
    }

    /**
     * The entries the body writes into an object, without the object's braces: raw text to place among another
     * object's entries.
     */
    private static String entries(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator own = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            own.writeStartObject();
            body.write(own);
            own.writeEndObject();
        }
        String object = out.toString(StandardCharsets.UTF_8);
        return object.substring(1, object.length() - 1);
    }

    static void fact(JsonGenerator g, Fact fact) throws IOException {
        g.writeFieldName(TYPE);
        g.writeString(fact.type());
        g.writeFieldName(FIELDS);
        g.writeStartObject();
        for (int i = 0; i < fact.size(); i++) {
            g.writeFieldName(encoded(fact.name(i)));
            Object v = fact.value(i);
            if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof Integer n) {
                g.writeNumber(n);
            } else if (v == null) {
                g.writeNull();
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
    }

    private static SerializableString encoded(String text) {
        SerializedString encoded = ENCODED.get(text);
        if (encoded == null) {
            encoded = new SerializedString(text);
            if (ENCODED.size() < MAX_ENCODED) {
                ENCODED.putIfAbsent(text, encoded);
            }
        }
        return encoded;
    }

    /** Writes {@link #round(double)} of the value, from the texts encoded once ({@link Fragments#likelihoodValue}). */
    private static void likelihood(JsonGenerator g, double value) throws IOException {
        g.writeRawValue(Fragments.likelihoodValue(value));
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
