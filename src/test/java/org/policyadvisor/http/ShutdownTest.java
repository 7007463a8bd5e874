package org.policyadvisor.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@DisplayName("Stopping the service")
class ShutdownTest extends HttpTestBase {

    @Override
    Advisor initialAdvisor() {
        // A request takes about a second to answer.
        return slowAdvisor();
    }

    @Test
    @DisplayName("an in-flight request finishes when the server is stopped, and new connections are refused")
    void in_flight_request_finishes() throws InterruptedException {
        Future<HttpResponse<Buffer>> slow = client.post("/v1/what-if").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"facts\": [{\"type\": \"Request\", \"actor\": \"KOR\"}]}"));
        Thread.sleep(200);

        Future<Void> stopped = vertx.undeploy(verticle.deploymentID());

        HttpResponse<Buffer> response = await(slow);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getJsonArray("consequences")).map(c -> ((JsonObject) c).getString("type"))
                .contains("Answered");
        await(stopped);
        int port = verticle.actualPort();
        Throwable refused = catchThrowable(() -> await(WebClient.create(vertx).get(port, "127.0.0.1", "/health").send()));
        assertThat(refused).isNotNull();
    }
}
