package org.policyadvisor.http;


import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The service over the packaged article rules and the repository's scenarios")
class ArticleRulesTest extends PackagedRulesTestBase {

    @Test
    @DisplayName("the baseline posted as facts answers 200 with consequences, explanations, revision and decision id")
    void baseline_as_facts() {
        JsonObject scenario = get("/v1/scenarios/june-2024-summit").bodyAsJsonObject();

        HttpResponse<Buffer> response = post("/v1/what-if",
                new JsonObject().put("facts", scenario.getJsonArray("facts")).encode());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("revision")).isEqualTo(packaged.revision());
        assertThat(body.getString("decisionId")).isNotBlank();
        assertThat(WhatIfRouteTest.types(body.getJsonArray("consequences")))
                .contains("MilitaryTechnicalCooperation", "LethalAidConsidered", "NewColdWar");
        assertThat(body.getJsonObject("rules").getJsonObject("treaty-accelerates-military-technical-cooperation")
                .getString("quote")).isNotBlank();
    }

    @Test
    @DisplayName("the baseline by name answers the same consequences")
    void baseline_by_name() {
        JsonObject byName = post("/v1/what-if?explain=none", "{\"scenario\": \"june-2024-summit\"}").bodyAsJsonObject();
        JsonObject facts = get("/v1/scenarios/june-2024-summit").bodyAsJsonObject();
        JsonObject byFacts = post("/v1/what-if?explain=none",
                new JsonObject().put("facts", facts.getJsonArray("facts")).encode()).bodyAsJsonObject();

        assertThat(byName.getJsonArray("consequences")).isEqualTo(byFacts.getJsonArray("consequences"));
        assertThat(byName.getJsonArray("consequences")).isNotEmpty();
    }

    @Test
    @DisplayName("precision weapons against the baseline: Seoul's restraint lifted is added, lethal aid changed")
    void precision_weapons_diff() {
        JsonObject diff = post("/v1/what-if",
                "{\"scenario\": \"precision-weapons-delivered\", \"baseline\": \"june-2024-summit\"}")
                .bodyAsJsonObject().getJsonObject("diff");

        assertThat(WhatIfRouteTest.types(diff.getJsonArray("added"))).contains("AidRestraintLifted");
        assertThat(WhatIfRouteTest.types(diff.getJsonArray("changed"))).contains("LethalAidConsidered");
        assertThat(diff.getJsonArray("removed")).isEmpty();
    }
}
