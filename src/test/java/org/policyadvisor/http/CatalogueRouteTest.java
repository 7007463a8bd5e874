package org.policyadvisor.http;

import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Problem;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Read-only routes: rules, vocabulary, scenarios, status, health")
class CatalogueRouteTest extends HttpTestBase {

    @Test
    @DisplayName("GET /v1/rules lists every rule with its quote, hedge, needs and conclusions")
    void rules() {
        JsonObject body = json(get("/v1/rules"));

        JsonArray rules = body.getJsonArray("rules");
        assertThat(names(rules, "id")).containsExactly("any-unbind", "pw-unbind", "unbound-lethal");
        JsonObject lethal = rules.getJsonObject(2);
        assertThat(lethal.getString("hedge")).isEqualTo("likely");
        assertThat(lethal.getDouble("likelihood")).isEqualTo(0.7);
        assertThat(lethal.getJsonArray("needs").getList()).containsExactly("AidRestraintLifted");
        assertThat(lethal.getJsonArray("absent").getList()).containsExactly("not EngagementPolicy(actor == \"KOR\")");
        assertThat(lethal.getJsonArray("concludes").getList()).containsExactly("LethalAidConsidered");
    }

    @Test
    @DisplayName("GET /v1/rules/{id} answers one rule; an unknown id is 404 not_found")
    void rule_by_id() {
        JsonObject rule = json(get("/v1/rules/pw-unbind")).getJsonObject("rule");

        assertThat(rule.getString("name")).isEqualTo("Precision weapons unbind Seoul");
        assertThat(rule.getString("quote")).isEqualTo("the country will not be bound");
        assertThat(paths(assertError(get("/v1/rules/no-such-rule"), 404, "not_found"))).containsExactly("id");
    }

    @Test
    @DisplayName("GET /v1/vocabulary lists the declared fact types, their fields and the actors")
    void vocabulary() {
        JsonObject body = json(get("/v1/vocabulary"));

        JsonArray types = body.getJsonArray("types");
        assertThat(names(types, "name"))
                .containsExactlyInAnyOrder("AidRestraintLifted", "ArmsTransfer", "EngagementPolicy", "LethalAidConsidered");
        JsonObject transfer = types.stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("name").equals("ArmsTransfer")).findFirst().orElseThrow();
        JsonObject category = transfer.getJsonArray("fields").stream().map(JsonObject.class::cast)
                .filter(f -> f.getString("name").equals("category")).findFirst().orElseThrow();
        assertThat(category.getString("kind")).isEqualTo("string");
        assertThat(category.getJsonArray("values").getList()).containsExactly("precision-weapons", "ammunition");
        assertThat(body.getJsonObject("actors").getString("KOR")).isEqualTo("South Korea");
    }

    @Test
    @DisplayName("GET /v1/scenarios lists the scenario files with their descriptions")
    void scenarios() {
        JsonArray scenarios = json(get("/v1/scenarios")).getJsonArray("scenarios");

        assertThat(names(scenarios, "name")).containsExactly("base", "engaged", "precision");
        assertThat(scenarios.getJsonObject(1).getString("description")).isEqualTo("Seoul keeps its engagement policy");
        assertThat(scenarios.getJsonObject(1).getInteger("facts")).isEqualTo(3);
    }

    @Test
    @DisplayName("GET /v1/scenarios/{name} answers its description and facts, ready to post back")
    void scenario_by_name() {
        JsonObject body = json(get("/v1/scenarios/precision"));

        assertThat(body.getString("description")).isEqualTo("Precision weapons as well");
        assertThat(body.getJsonArray("facts").getJsonObject(1).getString("category")).isEqualTo("precision-weapons");
        JsonObject reposted = post("/v1/what-if", new JsonObject().put("facts", body.getJsonArray("facts")).encode())
                .bodyAsJsonObject();
        assertThat(reposted.getJsonArray("consequences")).hasSize(2);
        assertThat(paths(assertError(get("/v1/scenarios/nowhere"), 404, "not_found"))).containsExactly("name");
    }

    @Test
    @DisplayName("GET /v1/status reports the revision, when it was loaded, the rule count and the load problems")
    void status() {
        JsonObject body = json(get("/v1/status"));

        assertThat(body.getString("loadedAt")).isEqualTo(advisor.get().loadedAt().toString());
        assertThat(body.getInteger("rules")).isEqualTo(3);
        assertThat(body.getJsonArray("loadProblems")).isEmpty();
        assertThat(body.getJsonObject("limits").getInteger("maxFirings")).isEqualTo(advisor.get().limits().maxFirings());
    }

    @Test
    @DisplayName("GET /v1/status shows the problems of the last load, each with its path")
    void status_shows_load_problems() {
        problems = List.of(new Problem("claims.drl:3:1", "no viable alternative"));

        JsonObject problem = json(get("/v1/status")).getJsonArray("loadProblems").getJsonObject(0);

        assertThat(problem.getString("path")).isEqualTo("claims.drl:3:1");
        assertThat(problem.getString("message")).isEqualTo("no viable alternative");
    }

    private volatile List<Problem> problems = List.of();

    @Override
    List<Problem> loadProblems() {
        return problems;
    }

    @Test
    @DisplayName("GET /health answers up with the revision")
    void health() {
        JsonObject body = json(get("/health"));

        assertThat(body.getString("status")).isEqualTo("up");
    }

    /** Asserts a 200 JSON answer that names the active revision. */
    private JsonObject json(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("revision")).isEqualTo(advisor.get().revision());
        return body;
    }

    private static List<String> names(JsonArray array, String key) {
        return array.stream().map(o -> ((JsonObject) o).getString(key)).toList();
    }
}
