package org.policyadvisor.http;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;

/** Writes one JSON object with a streaming generator straight into a response buffer. */
final class JsonBody {

    /** The fields of the object, written between its braces. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonBody() {
    }

    static Buffer object(Fields fields) {
        Buffer buffer = Buffer.buffer(1024);
        try (JsonGenerator g = FACTORY.createGenerator(new BufferOutput(buffer), JsonEncoding.UTF8)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer;
    }
}
