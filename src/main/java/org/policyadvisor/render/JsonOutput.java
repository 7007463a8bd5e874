package org.policyadvisor.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.policyadvisor.Fact;

/**
 * The one way the renderers write JSON: a Jackson generator over a stream, with the default pretty printer when
 * asked for, and the pieces every document shares (a fact, a likelihood).
 */
final class JsonOutput {

    /** Likelihoods are doubles: the fast writer (Schubfach) writes the same digits as {@link Double#toString}. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** What a document writes between its braces. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOutput() {
    }

    /** One JSON object: the header's fields, then the body's; the stream is left open. */
    static void object(OutputStream out, boolean pretty, Map<String, String> header, Body body) {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            for (Map.Entry<String, String> e : header.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #object(OutputStream, boolean, Map, Body)}, into an array. */
    static byte[] object(boolean pretty, Map<String, String> header, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        object(out, pretty, header, body);
        return out.toByteArray();
    }

    /** A fact's {@code type} and {@code fields}, as two entries of the object being written. */
    static void fact(JsonGenerator g, Fact fact) throws IOException {
        g.writeStringField("type", fact.type());
        g.writeObjectFieldStart("fields");
        for (Map.Entry<String, Object> field : fact.fields().entrySet()) {
            g.writeFieldName(field.getKey());
            Object v = field.getValue();
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

    /** A likelihood, to three decimals. */
    static void likelihood(JsonGenerator g, String name, double value) throws IOException {
        g.writeNumberField(name, round(value));
    }

    /** Likelihoods are shown to three decimals. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
