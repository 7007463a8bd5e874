package org.policyadvisor.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import org.policyadvisor.Consequence;
import org.policyadvisor.Fact;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Given;
import org.policyadvisor.Node;
import org.policyadvisor.Rule;
import org.policyadvisor.whynot.Answer;
import org.policyadvisor.whynot.Candidate;
import org.policyadvisor.whynot.Option;
import org.policyadvisor.whynot.Premise;

/**
 * A why-not answer as JSON, with stable field names: {@code consequence}, {@code status}, {@code matches},
 * {@code rules} (each with its {@code premises}, missing ones carrying the {@code rules} that could conclude
 * them), {@code options} (smallest first), {@code bounds} and {@code truncated}.
 */
public final class WhyNotJsonRenderer {

    private final boolean pretty;

    public WhyNotJsonRenderer(boolean pretty) {
        this.pretty = pretty;
    }

    /** The answer, after the header fields (for example a request id). */
    public byte[] answer(Map<String, String> header, Answer a) {
        return JsonOutput.object(pretty, header, g -> body(g, a));
    }

    /** Writes the answer to the stream, which is left open. */
    public void answer(OutputStream out, Map<String, String> header, Answer a) {
        JsonOutput.object(out, pretty, header, g -> body(g, a));
    }

    private static void body(JsonGenerator g, Answer a) throws IOException {
        g.writeStringField("revision", a.revision());
        g.writeStringField("description", a.description());
        g.writeFieldName("consequence");
        pattern(g, a.target());
        g.writeStringField("status", a.status().word());
        g.writeArrayFieldStart("matches");
        for (Node n : a.matches()) {
            node(g, n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rules");
        for (Candidate c : a.rules()) {
            candidate(g, c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("options");
        for (Option o : a.options()) {
            g.writeStartObject();
            g.writeArrayFieldStart("facts");
            for (FactPattern p : o.facts()) {
                pattern(g, p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("withdraw");
            for (Node n : o.withdraw()) {
                node(g, n);
            }
            g.writeEndArray();
            g.writeNumberField("size", o.size());
            g.writeStringField("check", o.check().word());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("bounds");
        g.writeNumberField("depth", a.bounds().depth());
        g.writeNumberField("sets", a.bounds().sets());
        g.writeEndObject();
        g.writeBooleanField("truncated", a.truncated());
    }

    private static void candidate(JsonGenerator g, Candidate c) throws IOException {
        Rule r = c.rule();
        g.writeStartObject();
        g.writeStringField("rule", r.id());
        g.writeStringField("name", r.name());
        g.writeStringField("quote", r.quote());
        g.writeStringField("source", r.source());
        g.writeStringField("hedge", r.hedge().word());
        g.writeNumberField("likelihood", r.likelihood());
        g.writeStringField("file", r.file());
        g.writeNumberField("line", r.line());
        g.writeFieldName("concludes");
        pattern(g, c.produces());
        g.writeBooleanField("premisesMet", c.premisesMet());
        g.writeArrayFieldStart("premises");
        for (Premise p : c.premises()) {
            g.writeStartObject();
            g.writeStringField("condition", p.condition().text());
            JsonOutput.fact(g, new Fact(p.pattern().type(), p.pattern().fields()));
            g.writeBooleanField("absent", p.condition().absent());
            g.writeStringField("status", p.state().word());
            g.writeArrayFieldStart("facts");
            for (Node n : p.facts()) {
                node(g, n);
            }
            g.writeEndArray();
            g.writeStringField("trace", p.trace().word());
            g.writeArrayFieldStart("rules");
            for (Candidate inner : p.rules()) {
                candidate(g, inner);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void node(JsonGenerator g, Node n) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        JsonOutput.fact(g, n.fact());
        g.writeBooleanField("given", n instanceof Given);
        if (n instanceof Consequence c) {
            JsonOutput.likelihood(g, "likelihood", c.likelihood());
        }
        g.writeEndObject();
    }

    private static void pattern(JsonGenerator g, FactPattern p) throws IOException {
        g.writeStartObject();
        JsonOutput.fact(g, new Fact(p.type(), p.fields()));
        g.writeEndObject();
    }
}
