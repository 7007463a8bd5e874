package org.policyadvisor.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.policyadvisor.Fact;

/** One JSON object written through a generator, compact or pretty-printed: the analysis reports' documents. */
final class JsonDocument {

    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonDocument() {
    }

    /** The object whose entries {@code body} writes. */
    static byte[] object(boolean pretty, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
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
        return out.toByteArray();
    }

    /** String entries, in the map's order. */
    static void header(JsonGenerator g, java.util.Map<String, String> header) throws IOException {
        for (java.util.Map.Entry<String, String> e : header.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
    }

    /** {@code "type"} and {@code "fields"} of a fact, inside an object already opened. */
    static void fact(JsonGenerator g, Fact fact) throws IOException {
        JsonOutput.fact(g, fact);
    }

    /** {@code {"type": ..., "fields": {...}}}. */
    static void factObject(JsonGenerator g, Fact fact) throws IOException {
        g.writeStartObject();
        JsonOutput.fact(g, fact);
        g.writeEndObject();
    }

    /** A likelihood to three decimals. */
    static void likelihood(JsonGenerator g, String name, double value) throws IOException {
        g.writeNumberField(name, JsonOutput.round(value));
    }
}
