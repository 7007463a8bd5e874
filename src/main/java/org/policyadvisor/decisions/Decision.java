package org.policyadvisor.decisions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.policyadvisor.Fact;

/**
 * One decision of the service, as the decision log keeps it: a what-if (its consequences with their
 * likelihoods) or a why-not (the consequence asked about and whether it holds).
 *
 * @param id           the decision id the answer carried
 * @param time         when it was answered
 * @param kind         {@code what-if} or {@code why-not}
 * @param revision     the revision of the rules that answered
 * @param facts        the facts of the scenario evaluated
 * @param baseline     the facts of the baseline it was compared with, if any
 * @param asked        a why-not's consequence asked about, else empty
 * @param status       a why-not's answer ({@code given}, {@code follows}, {@code does-not-follow}), else empty
 * @param consequences what followed, each with its likelihood, in the answer's order
 * @param rulesUsed    the ids of the rules the answer rests on, sorted
 * @param micros       the time taken to answer, in microseconds
 */
public record Decision(String id, Instant time, String kind, String revision, List<Fact> facts,
                       Optional<List<Fact>> baseline, String asked, String status, List<Outcome> consequences,
                       List<String> rulesUsed, long micros) {

    /** A consequence and its likelihood. */
    public record Outcome(Fact fact, double likelihood) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    public Decision {
        Objects.requireNonNull(id, "id must not be null");
        facts = List.copyOf(facts);
        baseline = baseline.map(List::copyOf);
        asked = asked == null ? "" : asked;
        status = status == null ? "" : status;
        consequences = List.copyOf(consequences);
        rulesUsed = List.copyOf(rulesUsed);
    }

    /**
     * One JSON line (no line break): the input facts in full, or only their SHA-256 when {@code hashInputs}.
     */
    public String toJson(boolean hashInputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("decisionId", id);
            g.writeStringField("time", time.toString());
            g.writeStringField("kind", kind);
            g.writeStringField("revision", revision);
            if (hashInputs) {
                g.writeStringField("inputSha256", sha256(input()));
            } else {
                g.writeFieldName("input");
                input(g);
            }
            if (!asked.isEmpty()) {
                g.writeStringField("asked", asked);
                g.writeStringField("status", status);
            }
            g.writeArrayFieldStart("consequences");
            for (Outcome o : consequences) {
                g.writeStartObject();
                g.writeFieldName("fact");
                fact(g, o.fact());
                g.writeNumberField("likelihood", o.likelihood());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rulesUsed");
            for (String rule : rulesUsed) {
                g.writeString(rule);
            }
            g.writeEndArray();
            g.writeNumberField("micros", micros);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The input as JSON, {@code {"facts": [...], "baseline": [...]}}: what the hash is taken of. */
    String input() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            input(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void input(JsonGenerator g) throws IOException {
        g.writeStartObject();
        facts(g, "facts", facts);
        if (baseline.isPresent()) {
            facts(g, "baseline", baseline.get());
        }
        g.writeEndObject();
    }

    private static void facts(JsonGenerator g, String name, List<Fact> list) throws IOException {
        g.writeArrayFieldStart(name);
        for (Fact f : list) {
            fact(g, f);
        }
        g.writeEndArray();
    }

    private static void fact(JsonGenerator g, Fact fact) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", fact.type());
        for (Map.Entry<String, Object> e : fact.fields().entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() instanceof Integer i) {
                g.writeNumber(i);
            } else if (e.getValue() instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(String.valueOf(e.getValue()));
            }
        }
        g.writeEndObject();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
