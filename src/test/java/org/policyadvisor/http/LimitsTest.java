package org.policyadvisor.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Configured limits")
class LimitsTest extends HttpTestBase {

    @Override
    ServerConfig config() {
        return super.config().withMaxFacts(2).withBodyLimit(4096);
    }

    @Test
    @DisplayName("more facts than allowed is 422 too_many_facts, for the scenario and the baseline alike")
    void too_many_facts() {
        String three = "[" + FACT_AMMUNITION + "," + FACT_PRECISION + "," + FACT_AMMUNITION + "]";

        JsonObject error = assertError(post("/v1/what-if", "{\"facts\": " + three + ", \"baseline\": " + three + "}"),
                422, "too_many_facts");

        assertThat(paths(error)).containsExactly("facts", "baseline");
        assertThat(post("/v1/what-if", "{\"facts\": [" + FACT_AMMUNITION + "]}").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("the body limit is configurable")
    void body_limit_is_configurable() {
        String padded = "{\"description\": \"" + "x".repeat(5000) + "\", \"facts\": []}";

        JsonObject error = assertError(post("/v1/what-if", padded), 413, "body_too_large");

        assertThat(error.getString("message")).contains("4096");
    }
}
