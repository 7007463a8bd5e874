package org.policyadvisor.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("JsonOutput: likelihoods to three decimals")
class JsonOutputTest {

    private static final JsonFactory PLAIN = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    @Test
    @DisplayName("every likelihood is written as the JSON writer writes its value rounded to three decimals")
    void likelihood_text_is_the_rounded_double() throws IOException {
        double[] values = new double[1001 * 3 + 6];
        int n = 0;
        for (int m = 0; m <= 1000; m++) {
            values[n++] = m / 1000.0;
            values[n++] = m / 1000.0 + 0.0004;
            values[n++] = (m + 0.5) / 1000.0;
        }
        for (double v : new double[] {-0.0, -0.25, 1.0004, 1.5, 42.1234, 1e9}) {
            values[n++] = v;
        }
        for (int i = 0; i < n; i++) {
            double v = values[i];
            assertThat(written(g -> JsonOutput.likelihood(g, "p", v)))
                    .as("likelihood %s", v)
                    .isEqualTo(written(g -> g.writeNumberField("p", Math.round(v * 1000) / 1000.0)));
        }
    }

    private interface Writes {
        void to(JsonGenerator g) throws IOException;
    }

    private static String written(Writes writes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = PLAIN.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            writes.to(g);
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
