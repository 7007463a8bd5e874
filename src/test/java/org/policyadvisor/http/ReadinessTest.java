package org.policyadvisor.http;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("/ready: 503 while starting, 200 once rules are loaded, 503 while draining; /health stays liveness")
class ReadinessTest {

    @Test
    @DisplayName("across start, load and drain")
    void start_load_drain() throws Exception {
        AtomicReference<Advisor> advisor = new AtomicReference<>();
        ServerConfig config = ServerConfig.defaults().withPort(0).withFactsDir(HttpTestBase.FACTS);
        Vertx vertx = Vertx.vertx();
        try (Server server = Server.start(advisor, List::of, config, 1)) {
            WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(server.port()));

            HttpResponse<Buffer> starting = get(client, "/ready");
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.bodyAsJsonObject()).isEqualTo(new JsonObject().put("ready", false).put("reason", "starting"));
            assertThat(get(client, "/health").statusCode()).isEqualTo(200);
            HttpTestBase.assertError(get(client, "/v1/rules"), 503, "not_ready");

            Advisor loaded = HttpTestBase.advisorOf(HttpTestBase.RULES);
            advisor.set(loaded);
            HttpResponse<Buffer> ready = get(client, "/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.bodyAsJsonObject().getString("revision")).isEqualTo(loaded.revision());
            assertThat(get(client, "/v1/rules").statusCode()).isEqualTo(200);

            server.drain();
            HttpResponse<Buffer> draining = get(client, "/ready");
            assertThat(draining.statusCode()).isEqualTo(503);
            assertThat(draining.bodyAsJsonObject().getString("reason")).isEqualTo("draining");
            assertThat(get(client, "/health").statusCode()).isEqualTo(200);
            HttpTestBase.assertError(get(client, "/v1/rules"), 503, "not_ready");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<Buffer> get(WebClient client, String path) throws Exception {
        return client.get(path).send().await(20, TimeUnit.SECONDS);
    }
}
