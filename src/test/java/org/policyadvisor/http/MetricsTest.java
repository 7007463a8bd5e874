package org.policyadvisor.http;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("GET /metrics: Prometheus text with the service's counters")
class MetricsTest {

    private static final String WHAT_IF = "{\"facts\": [" + HttpTestBase.FACT_PRECISION + "]}";

    @Test
    @DisplayName("what-ifs move the request, evaluation and firing counters; queue, revision and reloads are shown")
    void counters_move() throws Exception {
        Advisor advisor = HttpTestBase.advisorOf(HttpTestBase.RULES);
        ServerConfig config = ServerConfig.defaults().withPort(0).withFactsDir(HttpTestBase.FACTS);
        Vertx vertx = Vertx.vertx();
        try (Server server = Server.start(new AtomicReference<>(advisor), List::of, config, 1)) {
            WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(server.port()));
            post(client, WHAT_IF);
            String before = scrape(client);

            for (int i = 0; i < 3; i++) {
                assertThat(post(client, WHAT_IF).statusCode()).isEqualTo(200);
            }
            assertThat(post(client, "{\"facts\": [{\"type\": \"Nope\"}]}").statusCode()).isEqualTo(422);
            server.reloads().accept("failed");
            String after = scrape(client);

            String ok = "advisor_requests_total{route=\"/v1/what-if\",status=\"200\"}";
            assertThat(value(after, ok)).isEqualTo(value(before, ok) + 3);
            assertThat(value(after, "advisor_requests_total{route=\"/v1/what-if\",status=\"422\"}")).isEqualTo(1);
            String evaluations = "advisor_evaluation_seconds_count{kind=\"what-if\"}";
            assertThat(value(after, evaluations)).isEqualTo(value(before, evaluations) + 3);
            Matcher firing = Pattern.compile("advisor_rule_firings_total\\{rule=\"([^\"]+)\"} ([0-9.]+)").matcher(after);
            assertThat(firing.find()).as(after).isTrue();
            String rule = "advisor_rule_firings_total{rule=\"" + firing.group(1) + "\"}";
            assertThat(value(after, rule)).isGreaterThan(value(before, rule));
            assertThat(after).contains("advisor_queue_depth ", "advisor_body_bytes_in_flight ",
                    "advisor_active_revision{revision=\"" + advisor.revision() + "\"} 1.0",
                    "advisor_reloads_total{outcome=\"failed\"} 1.0", "advisor_decision_log_lost_total 0.0");
            assertThat(after).as("Vert.x's own meters").contains("vertx_http_server_requests_total");
            assertThat(after).as("the JVM's").contains("jvm_memory_used_bytes");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    static double value(String scrape, String series) {
        for (String line : scrape.lines().toList()) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    private static String scrape(WebClient client) throws Exception {
        HttpResponse<Buffer> response = client.get("/metrics").send().await(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
        return response.bodyAsString();
    }

    private static HttpResponse<Buffer> post(WebClient client, String json) throws Exception {
        return client.post("/v1/what-if").putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(json))
                .await(20, TimeUnit.SECONDS);
    }
}
