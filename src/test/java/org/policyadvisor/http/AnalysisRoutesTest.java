package org.policyadvisor.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Limits;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("POST /v1/sensitivity, /v1/sweep, /v1/what-if/batch")
class AnalysisRoutesTest extends HttpTestBase {

    private static final String ENGAGED = "{\"type\": \"EngagementPolicy\", \"actor\": \"KOR\"}";

    @Test
    @DisplayName("sensitivity ranks every given and says what each consequence hangs on")
    void sensitivity() {
        HttpResponse<Buffer> response = post("/v1/sensitivity", "{\"scenario\": \"precision\"}");

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("decisionId")).isNotBlank();
        assertThat(body.getString("revision")).isEqualTo(advisor.get().revision());
        assertThat(body.getJsonObject("ranking").getJsonArray("givens")).hasSize(2);
        JsonObject lethal = body.getJsonArray("consequences").getJsonObject(1);
        assertThat(lethal.getString("type")).isEqualTo("LethalAidConsidered");
        assertThat(lethal.getJsonObject("hangsOn").getJsonArray("claims")).containsExactly("unbound-lethal");
        assertThat(lethal.getJsonArray("flags")).contains("single-claim").doesNotContain("single-given");
    }

    @Test
    @DisplayName("a sweep counts the combinations and finds what blocks a consequence")
    void sweep() {
        HttpResponse<Buffer> response = post("/v1/sweep", "{\"facts\": [], \"vary\": [" + FACT_AMMUNITION + ", "
                + FACT_PRECISION + ", " + ENGAGED + "]}");

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getInteger("combinations")).isEqualTo(8);
        assertThat(body.getInteger("evaluated")).isEqualTo(8);
        JsonObject lethal = body.getJsonArray("consequences").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("type").equals("LethalAidConsidered")).findFirst().orElseThrow();
        assertThat(lethal.getInteger("holds")).isEqualTo(3);
        assertThat(lethal.getJsonArray("holdsWith")).isEqualTo(new JsonArray("[[\"u1\"],[\"u2\"]]"));
        assertThat(lethal.getJsonArray("blockedBy")).isEqualTo(new JsonArray("[[\"u3\"]]"));
    }

    @Test
    @DisplayName("more than 12 uncertain facts is 422 too_many_facts, a missing vary 400")
    void sweep_limits() {
        List<String> thirteen = new ArrayList<>();
        for (String supplier : List.of("RUS", "PRK", "KOR", "UKR")) {
            for (String recipient : List.of("RUS", "PRK", "KOR", "UKR")) {
                thirteen.add("{\"type\": \"ArmsTransfer\", \"supplier\": \"" + supplier + "\", \"recipient\": \""
                        + recipient + "\", \"category\": \"ammunition\"}");
            }
        }
        JsonObject error = assertError(post("/v1/sweep", "{\"facts\": [], \"vary\": ["
                + String.join(",", thirteen.subList(0, 13)) + "]}"), 422, "too_many_facts");
        assertThat(paths(error)).containsExactly("vary");

        assertError(post("/v1/sweep", "{\"scenario\": \"base\"}"), 400, "invalid_request");
        JsonObject invalid = assertError(post("/v1/sweep", "{\"facts\": [], \"vary\": [{\"type\": \"Nope\"}]}"),
                422, "invalid_facts");
        assertThat(paths(invalid)).containsExactly("vary[0].type");
    }

    @Test
    @DisplayName("the request as a whole is held to the time limit of a what-if")
    void sweep_deadline() {
        advisor.set(advisorOf(RULES).withLimits(new Limits(10_000, Duration.ofMillis(20))));
        List<String> twelve = new ArrayList<>();
        for (String supplier : List.of("RUS", "PRK", "KOR")) {
            for (String recipient : List.of("RUS", "PRK")) {
                for (String category : List.of("ammunition", "precision-weapons")) {
                    twelve.add("{\"type\": \"ArmsTransfer\", \"supplier\": \"" + supplier + "\", \"recipient\": \""
                            + recipient + "\", \"category\": \"" + category + "\"}");
                }
            }
        }

        JsonObject error = assertError(post("/v1/sweep", "{\"facts\": [], \"vary\": [" + String.join(",", twelve)
                + "]}"), 422, "evaluation_limit");

        assertThat(error.getString("message")).isEqualTo("the request exceeded its time limit of 20 ms");
    }

    @Test
    @DisplayName("a batch answers each scenario in order against a shared baseline")
    void batch() {
        HttpResponse<Buffer> response = post("/v1/what-if/batch", "{\"baseline\": \"base\", \"scenarios\": "
                + "[\"base\", {\"facts\": [" + FACT_PRECISION + "]}, \"engaged\"]}");

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("revision")).isEqualTo(advisor.get().revision());
        JsonArray answers = body.getJsonArray("answers");
        assertThat(answers.stream().map(a -> ((JsonObject) a).getString("scenario")))
                .containsExactly("base", "scenarios[1]", "engaged");
        assertThat(answers.getJsonObject(0).getJsonObject("diff").getJsonArray("changed")).isEmpty();
        assertThat(answers.getJsonObject(1).getJsonObject("diff").getJsonArray("changed")).hasSize(2);
        assertThat(answers.getJsonObject(2).getJsonObject("diff").getJsonArray("removed")).hasSize(1);
    }

    @Test
    @DisplayName("a batch is checked whole: a bad fact is 422 with its path, too many scenarios 400")
    void batch_limits() {
        JsonObject invalid = assertError(post("/v1/what-if/batch", "{\"scenarios\": [\"base\", {\"facts\": "
                + "[{\"type\": \"Nope\"}]}]}"), 422, "invalid_facts");
        assertThat(paths(invalid)).containsExactly("scenarios[1].facts[0].type");

        String many = "{\"scenarios\": [" + String.join(",", java.util.Collections.nCopies(101, "\"base\"")) + "]}";
        JsonObject error = assertError(post("/v1/what-if/batch", many), 400, "invalid_request");
        assertThat(paths(error)).containsExactly("scenarios");

        assertError(post("/v1/what-if/batch", "{\"scenarios\": [\"nope\"]}"), 404, "not_found");
    }
}
