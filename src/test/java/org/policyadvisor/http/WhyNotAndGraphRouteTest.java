package org.policyadvisor.http;

import static org.assertj.core.api.Assertions.assertThat;


import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Why-not and graph routes")
class WhyNotAndGraphRouteTest extends HttpTestBase {

    @Test
    @DisplayName("why-not over facts that lack it names the missing precision-weapons transfer")
    void why_not_names_the_missing_transfer() {
        HttpResponse<Buffer> response = post("/v1/why-not", """
                {"facts": [],
                 "consequence": {"type": "AidRestraintLifted", "actor": "KOR", "recipient": "UKR"}}
                """);

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("decisionId")).isNotBlank();
        assertThat(body.getString("revision")).isEqualTo(advisor.get().revision());
        assertThat(body.getString("status")).isEqualTo("does-not-follow");
        JsonObject first = body.getJsonArray("options").getJsonObject(0).getJsonArray("facts").getJsonObject(0);
        assertThat(first.getString("type")).isEqualTo("ArmsTransfer");
        assertThat(first.getJsonObject("fields").getString("category")).isEqualTo("precision-weapons");
        assertThat(first.getJsonObject("fields").getString("recipient")).isEqualTo("PRK");
    }

    @Test
    @DisplayName("why-not over a scenario by name: Seoul's engagement blocks the lethal aid")
    void why_not_over_a_scenario_by_name() {
        HttpResponse<Buffer> response = post("/v1/why-not",
                "{\"scenario\": \"engaged\", \"consequence\": \"LethalAidConsidered(supplier=KOR)\"}");

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("does-not-follow");
        assertThat(response.bodyAsJsonObject().getJsonArray("options")).isNotEmpty();
    }

    @Test
    @DisplayName("why-not accepts the consequence as text and inline facts")
    void why_not_with_text_consequence_and_facts() {
        HttpResponse<Buffer> response = post("/v1/why-not", """
                {"facts": [{"type": "ArmsTransfer", "supplier": "RUS", "recipient": "PRK", "category": "precision-weapons"}],
                 "consequence": "AidRestraintLifted(actor=KOR)"}
                """);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("follows");
    }

    @Test
    @DisplayName("why-not refuses an unknown consequence type, a missing consequence and an unknown scenario")
    void why_not_errors() {
        JsonObject unknown = assertError(post("/v1/why-not",
                "{\"scenario\": \"base\", \"consequence\": {\"type\": \"Nope\"}}"), 422, "invalid_facts");
        assertThat(paths(unknown)).containsExactly("consequence.type");
        assertError(post("/v1/why-not", "{\"scenario\": \"base\"}"), 400, "invalid_request");
        assertError(post("/v1/why-not", "{\"scenario\": \"no-such\", \"consequence\": \"LethalAidConsidered\"}"),
                404, "not_found");
    }

    @Test
    @DisplayName("the graph is served as DOT with an edge per premise of each rule, and as Mermaid")
    void graph_formats() {
        HttpResponse<Buffer> dot = get("/v1/graph");
        assertThat(dot.statusCode()).isEqualTo(200);
        assertThat(dot.getHeader("Content-Type")).startsWith("text/vnd.graphviz");
        assertThat(dot.getHeader("X-Revision")).isEqualTo(advisor.get().revision());
        assertThat(dot.bodyAsString().lines().filter(l -> l.contains("->"))).hasSize(4)
                .anySatisfy(l -> assertThat(l).contains("ArmsTransfer -> AidRestraintLifted [label=\"pw-unbind (will)\"]"));

        HttpResponse<Buffer> mermaid = get("/v1/graph?format=mermaid");
        assertThat(mermaid.statusCode()).isEqualTo(200);
        assertThat(mermaid.bodyAsString()).startsWith("flowchart LR");

        assertError(get("/v1/graph?format=svg"), 400, "invalid_request");
    }
}
