package org.policyadvisor.http;

import java.util.Map;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A rule whose action fails")
class RuleFailureRouteTest extends HttpTestBase {

    private static final Advisor FRAGILE = Fixtures.fragile();

    @Override
    Advisor initialAdvisor() {
        return FRAGILE;
    }

    @Test
    @DisplayName("is 500 rule_failed naming the rule, where it is written and the error; the server keeps answering")
    void rule_failed() {
        JsonObject error = assertError(post("/v1/what-if", "{\"facts\": [{\"type\": \"Step\", \"n\": 13}]}"),
                500, "rule_failed");

        assertThat(error.getString("message")).isEqualTo("rule 'Step up' failed");
        assertThat(error.getJsonArray("errors").getJsonObject(0).getMap())
                .isEqualTo(Map.of("path", "rule 'Step up' (fragile.drl:6)", "message", "/ by zero"));
        assertThat(error.getString("decisionId")).isNotBlank();
        JsonObject fine = post("/v1/what-if", "{\"facts\": [{\"type\": \"Step\", \"n\": 0}]}").bodyAsJsonObject();
        assertThat(fine.getJsonArray("consequences")).hasSize(5);
    }
}
