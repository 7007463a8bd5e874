package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Concurrent requests")
class ConcurrencyTest extends HttpTestBase {

    private static final int PARALLEL = 50;

    @Test
    @DisplayName("50 identical what-ifs in parallel answer byte-identical bodies, apart from the decision id")
    void identical_input_gives_identical_answers() {
        String body = "{\"facts\": [" + FACT_PRECISION + "," + FACT_AMMUNITION + "], \"baseline\": \"base\"}";
        List<Future<HttpResponse<Buffer>>> pending = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            pending.add(client.post("/v1/what-if").putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer(body)));
        }

        Set<String> bodies = new TreeSet<>();
        Set<String> decisionIds = new TreeSet<>();
        for (Future<HttpResponse<Buffer>> f : pending) {
            HttpResponse<Buffer> response = await(f);
            assertThat(response.statusCode()).isEqualTo(200);
            String id = response.bodyAsJsonObject().getString("decisionId");
            decisionIds.add(id);
            bodies.add(response.bodyAsString().replace(id, "ID"));
        }

        assertThat(bodies).hasSize(1);
        assertThat(bodies.iterator().next()).contains("\"consequences\":[{").contains("\"diff\":{");
        assertThat(decisionIds).hasSize(PARALLEL);
    }

    @Test
    @DisplayName("different what-ifs in parallel each get their own answer")
    void different_inputs_get_their_own_answers() {
        List<Future<HttpResponse<Buffer>>> pending = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            String facts = i % 2 == 0 ? FACT_AMMUNITION : FACT_PRECISION;
            pending.add(client.post("/v1/what-if?explain=none").putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer("{\"facts\": [" + facts + "]}")));
        }

        for (int i = 0; i < PARALLEL; i++) {
            double likelihood = await(pending.get(i)).bodyAsJsonObject().getJsonArray("consequences")
                    .getJsonObject(0).getDouble("likelihood");
            assertThat(likelihood).as("request %d", i).isEqualTo(i % 2 == 0 ? 0.5 : 0.9);
        }
    }
}
