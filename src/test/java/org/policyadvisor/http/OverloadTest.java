package org.policyadvisor.http;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A full worker pool: 503 overloaded")
class OverloadTest extends HttpTestBase {

    private static final String SLOW = "{\"facts\": [{\"type\": \"Request\", \"actor\": \"KOR\"}]}";

    @Override
    ServerConfig config() {
        return super.config().withWorkers(1, 1);
    }

    @Override
    Advisor initialAdvisor() {
        // A request takes about a second to answer.
        return slowAdvisor();
    }

    @Test
    @DisplayName("with the one worker busy and the one place in the queue taken, a request is 503 with Retry-After")
    void full_pool_refuses_at_once() throws InterruptedException {
        Future<HttpResponse<Buffer>> running = slow();
        Future<HttpResponse<Buffer>> waiting = slow();
        awaitTaken(2);

        long start = System.nanoTime();
        HttpResponse<Buffer> refused = post("/v1/what-if", SLOW);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        JsonObject error = assertError(refused, 503, "overloaded");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(error.getJsonArray("errors")).isEmpty();
        assertThat(error.getString("revision")).isEqualTo(advisor.get().revision());
        assertThat(error.containsKey("decisionId")).as("nothing was decided").isFalse();
        assertThat(millis).as("refused without waiting for a worker").isLessThan(500);
        assertError(await(client.get("/v1/scenarios").send()), 503, "overloaded");
        assertThat(get("/health").statusCode()).as("the event loop is free").isEqualTo(200);

        assertThat(await(running).statusCode()).isEqualTo(200);
        assertThat(await(waiting).statusCode()).isEqualTo(200);
        awaitTaken(0);
        assertThat(post("/v1/what-if", "{\"facts\": []}").statusCode()).as("places are given back").isEqualTo(200);
    }

    @Test
    @DisplayName("a request that fails on the worker gives its place back")
    void failures_give_places_back() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            assertError(post("/v1/what-if", "{\"facts\": [{\"type\": \"Nothing\"}]}"), 422, "invalid_facts");
        }
        awaitTaken(0);
        assertThat(post("/v1/what-if", "{\"facts\": []}").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("the OpenAPI document describes the 503 answer and its code")
    void described() {
        String yaml = get("/v1/openapi.yaml").bodyAsString();

        assertThat(yaml).contains("\"503\": {$ref: '#/components/responses/Overloaded'}", "Retry-After", "overloaded]");
    }

    private Future<HttpResponse<Buffer>> slow() {
        return client.post("/v1/what-if").putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(SLOW));
    }

    private void awaitTaken(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (verticle.admission().taken() != expected) {
            assertThat(System.nanoTime()).as("requests taken in: " + expected).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
