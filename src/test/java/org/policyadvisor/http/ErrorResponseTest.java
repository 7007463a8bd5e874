package org.policyadvisor.http;

import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Limits;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Failures: one error shape, a stable code each, no stack trace")
class ErrorResponseTest extends HttpTestBase {

    @Test
    @DisplayName("malformed JSON is 400 malformed_json with the line and column")
    void malformed_json() {
        JsonObject error = assertError(post("/v1/what-if", "{\"facts\": [\n  {\"type\": }\n]}"), 400, "malformed_json");

        assertThat(paths(error)).containsExactly("body:2:12");
    }

    @Test
    @DisplayName("an empty body is 400 malformed_json")
    void empty_body() {
        assertError(post("/v1/what-if", ""), 400, "malformed_json");
    }

    @Test
    @DisplayName("a JSON array body is 400 invalid_request")
    void array_body() {
        JsonObject error = assertError(post("/v1/what-if", "[" + FACT_AMMUNITION + "]"), 400, "invalid_request");

        assertThat(error.getJsonArray("errors").getJsonObject(0).getString("message")).isEqualTo("got an array");
    }

    @Test
    @DisplayName("a JSON string body is 400 invalid_request")
    void string_body() {
        assertError(post("/v1/what-if", "\"facts\""), 400, "invalid_request");
    }

    @Test
    @DisplayName("an unknown key, both facts and scenario, and facts that are no array are each named")
    void request_shape_problems() {
        JsonObject error = assertError(post("/v1/what-if", "{\"facts\": {}, \"scenario\": \"base\", \"extra\": 1}"),
                400, "invalid_request");

        assertThat(paths(error)).containsExactlyInAnyOrder("extra", "$", "facts");
    }

    @Test
    @DisplayName("a scenario file posted as it is gets a hint at how to send it")
    void scenario_file_keys_get_a_hint() {
        JsonObject error = assertError(post("/v1/what-if", "{\"facts\": [" + FACT_AMMUNITION + "], \"expect\": {}}"),
                400, "invalid_request");

        assertThat(paths(error)).containsExactly("expect");
        assertThat(error.getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("key of scenario files").contains("{\"scenario\": \"name\"}");
    }

    @Test
    @DisplayName("an unknown fact type is 422 invalid_facts with the JSON path of each problem")
    void unknown_fact_type() {
        String body = "{\"facts\": [" + FACT_AMMUNITION + ", {\"type\": \"Invasion\", \"of\": \"KOR\"}],"
                + " \"baseline\": [{\"type\": \"ArmsTransfer\", \"supplier\": \"XXX\", \"recipient\": \"PRK\","
                + " \"category\": \"ammunition\"}]}";

        JsonObject error = assertError(post("/v1/what-if", body), 422, "invalid_facts");

        assertThat(paths(error)).containsExactly("facts[1].type", "baseline[0].supplier");
        assertThat(error.getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("unknown fact type 'Invasion'");
        assertThat(error.getString("revision")).isEqualTo(advisor.get().revision());
    }

    @Test
    @DisplayName("an unknown scenario is 404 not_found naming the scenario key")
    void unknown_scenario() {
        JsonObject error = assertError(post("/v1/what-if", "{\"scenario\": \"nowhere\"}"), 404, "not_found");

        assertThat(paths(error)).containsExactly("scenario");
        assertError(post("/v1/what-if", "{\"facts\": [], \"baseline\": \"../rules/claims\"}"), 404, "not_found");
    }

    @Test
    @DisplayName("an unknown path is 404 not_found")
    void unknown_path() {
        assertError(get("/v1/nothing-here"), 404, "not_found");
        assertError(get("/nothing-here"), 404, "not_found");
    }

    @Test
    @DisplayName("a wrong method is 405 method_not_allowed")
    void wrong_method() {
        assertError(get("/v1/what-if"), 405, "method_not_allowed");
        assertError(await(client.delete("/v1/rules").send()), 405, "method_not_allowed");
    }

    @Test
    @DisplayName("a body that is not JSON by its Content-Type is 415 unsupported_media_type")
    void not_json_content_type() {
        HttpResponse<Buffer> text = await(client.post("/v1/what-if").putHeader("Content-Type", "text/plain")
                .sendBuffer(Buffer.buffer("{\"facts\": []}")));
        HttpResponse<Buffer> none = await(client.post("/v1/what-if").sendBuffer(Buffer.buffer("{\"facts\": []}")));

        JsonObject error = assertError(text, 415, "unsupported_media_type");
        assertThat(paths(error)).containsExactly("Content-Type");
        assertError(none, 415, "unsupported_media_type");
        HttpResponse<Buffer> charset = await(client.post("/v1/what-if")
                .putHeader("Content-Type", "application/json; charset=utf-8").sendBuffer(Buffer.buffer("{\"facts\": []}")));
        assertThat(charset.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("an unknown explain value is 400 invalid_request naming the parameter")
    void bad_explain_parameter() {
        JsonObject error = assertError(post("/v1/what-if?explain=some", "{\"facts\": []}"), 400, "invalid_request");

        assertThat(paths(error)).containsExactly("explain");
    }

    @Test
    @DisplayName("a 3 MiB body is 413 body_too_large, refused from its Content-Length, and the server answers on")
    void body_too_large() {
        Buffer big = Buffer.buffer("{\"facts\": [\"" + "x".repeat(3 * 1024 * 1024) + "\"]}");

        assertError(await(client.post("/v1/what-if").putHeader("Content-Type", "application/json").sendBuffer(big)),
                413, "body_too_large");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a body over the limit sent in chunks, without a Content-Length, is 413 as well")
    void chunked_body_too_large() {
        Buffer chunk = Buffer.buffer(" ".repeat(64 * 1024));
        HttpClient http = vertx.createHttpClient();

        Future<JsonObject> answer = http.request(HttpMethod.POST, verticle.actualPort(), "127.0.0.1", "/v1/what-if")
                .compose(request -> {
                    request.setChunked(true).putHeader("Content-Type", "application/json");
                    Future<HttpClientResponse> response = request.response();
                    for (int i = 0; i < 48; i++) {
                        request.write(chunk);
                    }
                    request.end();
                    return response;
                })
                .compose(response -> response.body().map(body -> new JsonObject()
                        .put("status", response.statusCode()).put("body", body.toJsonObject())));
        JsonObject result = await(answer);

        assertThat(result.getInteger("status")).isEqualTo(413);
        assertThat(result.getJsonObject("body").getString("code")).isEqualTo("body_too_large");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a 100,000-deep nesting is 400 malformed_json, and the server answers on")
    void deep_nesting() {
        String deep = "{\"facts\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        JsonObject error = assertError(post("/v1/what-if", deep), 400, "malformed_json");

        assertThat(error.getJsonArray("errors").getJsonObject(0).getString("message")).contains("nesting depth");
        assertThat(post("/v1/what-if", "{\"facts\": [" + FACT_PRECISION + "]}").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("an evaluation over its firing cap is 422 evaluation_limit naming the busiest rules")
    void evaluation_limit() {
        advisor.set(advisor.get().withLimits(new Limits(1, Duration.ofSeconds(5))));

        JsonObject error = assertError(post("/v1/what-if", "{\"facts\": [" + FACT_PRECISION + "]}"),
                422, "evaluation_limit");

        assertThat(error.getString("decisionId")).isNotBlank();
        assertThat(error.getJsonArray("errors")).isNotEmpty();
    }

    @Test
    @DisplayName("a failure nobody foresaw is 500 internal_error without details")
    void internal_error() {
        failLoadProblems = true;

        JsonObject error = assertError(get("/v1/status"), 500, "internal_error");

        assertThat(error.getString("message")).isEqualTo("internal error");
        assertThat(error.getJsonArray("errors")).isEmpty();
        assertThat(error.encode()).doesNotContain("boom");
    }

    private volatile boolean failLoadProblems;

    @Override
    java.util.List<org.policyadvisor.Problem> loadProblems() {
        if (failLoadProblems) {
            throw new IllegalStateException("boom");
        }
        return super.loadProblems();
    }
}
