package org.policyadvisor.http;

import java.util.List;
import java.util.UUID;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("POST /v1/what-if")
class WhatIfRouteTest extends HttpTestBase {

    @Test
    @DisplayName("facts in the body answer consequences with explanations, the revision and a decision id")
    void facts_answer_consequences_with_explanations() {
        HttpResponse<Buffer> response = post("/v1/what-if", "{\"facts\": [" + FACT_PRECISION + "]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("revision")).isEqualTo(advisor.get().revision());
        assertThat(UUID.fromString(body.getString("decisionId")).version()).isEqualTo(4);
        assertThat(types(body.getJsonArray("consequences")))
                .containsExactly("AidRestraintLifted", "LethalAidConsidered");
        JsonObject lifted = body.getJsonArray("consequences").getJsonObject(0);
        assertThat(lifted.getDouble("likelihood")).isEqualTo(0.9);
        assertThat(rules(lifted.getJsonArray("derivations"))).containsExactly("any-unbind", "pw-unbind");
        assertThat(body.getJsonObject("rules").fieldNames())
                .containsExactlyInAnyOrder("any-unbind", "pw-unbind", "unbound-lethal");
        JsonObject cited = body.getJsonObject("rules").getJsonObject("pw-unbind");
        assertThat(cited.getString("quote")).isEqualTo("the country will not be bound");
        assertThat(cited.fieldNames()).containsExactlyInAnyOrder("name", "quote", "source", "hedge", "likelihood");
        assertThat(body.containsKey("diff")).isFalse();
    }

    @Test
    @DisplayName("explain=none leaves out derivations and rules but keeps the consequences")
    void explain_none_leaves_out_explanations() {
        JsonObject body = post("/v1/what-if?explain=none", "{\"facts\": [" + FACT_PRECISION + "]}").bodyAsJsonObject();

        assertThat(types(body.getJsonArray("consequences")))
                .containsExactly("AidRestraintLifted", "LethalAidConsidered");
        assertThat(body.getJsonArray("consequences").getJsonObject(0).containsKey("derivations")).isFalse();
        assertThat(body.containsKey("rules")).isFalse();
        assertThat(body.getString("decisionId")).isNotBlank();
    }

    @Test
    @DisplayName("a scenario named in the body is read from the facts folder, with the facts it extends")
    void scenario_by_name() {
        JsonObject body = post("/v1/what-if", "{\"scenario\": \"precision\"}").bodyAsJsonObject();

        assertThat(body.getString("description")).isEqualTo("Precision weapons as well");
        assertThat(body.getJsonArray("given")).hasSize(2);
        assertThat(types(body.getJsonArray("consequences")))
                .containsExactly("AidRestraintLifted", "LethalAidConsidered");
    }

    @Test
    @DisplayName("a scenario by name answers what its facts from GET /v1/scenarios/{name} answer when posted")
    void scenario_by_name_answers_as_its_facts() {
        JsonObject byName = post("/v1/what-if?explain=none", "{\"scenario\": \"engaged\"}").bodyAsJsonObject();
        JsonArray facts = get("/v1/scenarios/engaged").bodyAsJsonObject().getJsonArray("facts");
        JsonObject byFacts = post("/v1/what-if?explain=none", new JsonObject().put("facts", facts).encode())
                .bodyAsJsonObject();

        assertThat(facts).hasSize(3);
        assertThat(byName.getJsonArray("consequences")).isNotEmpty().isEqualTo(byFacts.getJsonArray("consequences"));
    }

    @Test
    @DisplayName("a baseline by name gives the diff: a consequence removed and one changed in likelihood")
    void baseline_by_name_gives_the_diff() {
        HttpResponse<Buffer> response = post("/v1/what-if", "{\"scenario\": \"engaged\", \"baseline\": \"base\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject diff = response.bodyAsJsonObject().getJsonObject("diff");
        assertThat(diff.getString("baseline")).isEqualTo("Ammunition only");
        assertThat(diff.getJsonArray("added")).isEmpty();
        assertThat(types(diff.getJsonArray("removed"))).containsExactly("LethalAidConsidered");
        JsonObject changed = diff.getJsonArray("changed").getJsonObject(0);
        assertThat(changed.getString("type")).isEqualTo("AidRestraintLifted");
        assertThat(changed.getDouble("before")).isEqualTo(0.5);
        assertThat(changed.getDouble("after")).isEqualTo(0.9);
        assertThat(rules(changed.getJsonObject("explanation").getJsonArray("derivations"))).contains("pw-unbind");
    }

    @Test
    @DisplayName("a baseline given as facts gives the diff as well")
    void baseline_as_facts_gives_the_diff() {
        JsonObject body = post("/v1/what-if",
                "{\"facts\": [" + FACT_AMMUNITION + "], \"baseline\": []}").bodyAsJsonObject();

        JsonObject diff = body.getJsonObject("diff");
        assertThat(types(diff.getJsonArray("added"))).containsExactly("AidRestraintLifted", "LethalAidConsidered");
        assertThat(diff.getJsonArray("removed")).isEmpty();
        assertThat(body.getString("decisionId")).isNotBlank();
    }

    @Test
    @DisplayName("each evaluation gets its own decision id")
    void decision_ids_differ() {
        String first = post("/v1/what-if", "{\"facts\": []}").bodyAsJsonObject().getString("decisionId");
        String second = post("/v1/what-if", "{\"facts\": []}").bodyAsJsonObject().getString("decisionId");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    @DisplayName("a request is answered by the advisor current when it starts; the next one sees a swap")
    void swapped_advisor_answers_the_next_request() {
        String before = post("/v1/what-if", "{\"facts\": []}").bodyAsJsonObject().getString("revision");
        advisor.set(advisorOf(SLOW_RULES));

        HttpResponse<Buffer> after = post("/v1/what-if", "{\"facts\": [" + FACT_AMMUNITION + "]}");

        assertThat(after.bodyAsJsonObject().getString("revision")).isNotEqualTo(before);
        assertError(after, 422, "invalid_facts");
        assertThat(get("/v1/status").bodyAsJsonObject().getString("revision"))
                .isEqualTo(advisor.get().revision());
    }

    static List<String> types(JsonArray consequences) {
        return consequences.stream().map(c -> ((JsonObject) c).getString("type")).toList();
    }

    static List<String> rules(JsonArray derivations) {
        return derivations.stream().map(d -> ((JsonObject) d).getString("rule")).toList();
    }
}
