package org.policyadvisor.http;

import java.nio.file.Files;
import java.nio.file.Path;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Fixtures;
import org.policyadvisor.decisions.DecisionLog;
import org.policyadvisor.decisions.DecisionRing;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("GET /v1/decisions/{id}: recent decisions from a bounded ring, and the same lines in the decision log")
class DecisionsRouteTest extends HttpTestBase {

    private static final String WHAT_IF = "{\"facts\": [" + FACT_PRECISION + "]}";
    private Path file;
    private DecisionLog log;

    @Override
    Shared shared(ServerConfig config) {
        file = Fixtures.tempDir("decisions").resolve("decisions.jsonl");
        log = new DecisionLog(file, DecisionLog.DEFAULT_MAX_BYTES, 2, false);
        Metrics metrics = new Metrics();
        return Shared.of(config, metrics, new Decisions(new DecisionRing(2, 1_000_000), log, metrics), Exposure.none());
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    @DisplayName("a what-if and a why-not are answered by id, and 404 once they have left the ring")
    void recent_decisions() throws Exception {
        String first = post("/v1/what-if", WHAT_IF).bodyAsJsonObject().getString("decisionId");
        JsonObject decision = get("/v1/decisions/" + first).bodyAsJsonObject();

        assertThat(decision.getString("decisionId")).isEqualTo(first);
        assertThat(decision.getString("kind")).isEqualTo("what-if");
        assertThat(decision.getString("revision")).isEqualTo(advisor.get().revision());
        assertThat(decision.getJsonObject("input").getJsonArray("facts")).hasSize(1);
        assertThat(decision.getJsonArray("consequences")).isNotEmpty();
        assertThat(decision.getJsonArray("consequences").getJsonObject(0).getDouble("likelihood")).isPositive();
        assertThat(decision.getJsonArray("rulesUsed")).isNotEmpty();

        String whyNot = post("/v1/why-not", "{\"facts\": [" + FACT_AMMUNITION + "], \"consequence\": \"LethalAidConsidered\"}")
                .bodyAsJsonObject().getString("decisionId");
        JsonObject asked = get("/v1/decisions/" + whyNot).bodyAsJsonObject();
        assertThat(asked.getString("kind")).isEqualTo("why-not");
        assertThat(asked.getString("asked")).isEqualTo("LethalAidConsidered()");

        post("/v1/what-if", WHAT_IF);
        assertError(get("/v1/decisions/" + first), 404, "not_found");

        assertThat(log.flush(5000)).isTrue();
        assertThat(Files.readAllLines(file)).hasSize(3).first().asString().startsWith("{\"decisionId\":\"" + first);
        assertThat(get("/metrics").bodyAsString()).contains("advisor_decision_log_written_total 3.0");
    }
}
