package org.policyadvisor.render;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import org.policyadvisor.FactTypeSpec;
import org.policyadvisor.FieldSpec;
import org.policyadvisor.Rule;
import org.policyadvisor.Vocabulary;

/** The rule catalogue as JSON: each rule in full, and the vocabulary's fact types and actors. */
public final class CatalogueJson {

    private CatalogueJson() {
    }

    /** A rule as the catalogue shows it: what it is, what it needs and concludes, and where it is written. */
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

    /** The vocabulary's {@code types} (each with its fields) and {@code actors}, as entries of the open object. */
    public static void vocabulary(JsonGenerator g, Vocabulary vocabulary) throws IOException {
        g.writeArrayFieldStart("types");
        for (FactTypeSpec type : vocabulary.types()) {
            g.writeStartObject();
            g.writeStringField("name", type.name());
            g.writeStringField("doc", type.doc());
            g.writeArrayFieldStart("fields");
            for (FieldSpec field : type.fields()) {
                field(g, field);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("actors");
        for (Map.Entry<String, String> actor : vocabulary.actors().entrySet()) {
            g.writeStringField(actor.getKey(), actor.getValue());
        }
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, FieldSpec field) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", field.name());
        g.writeStringField("kind", field.kind().jsonName());
        g.writeBooleanField("actor", field.actor());
        strings(g, "values", field.values());
        g.writeStringField("doc", field.doc());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
