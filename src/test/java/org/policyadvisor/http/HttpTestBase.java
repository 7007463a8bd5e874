package org.policyadvisor.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.policyadvisor.Advisor;
import org.policyadvisor.Limits;
import org.policyadvisor.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the service on a free port of the loopback interface before each test, over the small rule set of
 * {@code src/test/resources/http}, and gives a client for it. The rules are compiled once per directory.
 */
@ExtendWith(VertxExtension.class)
abstract class HttpTestBase {

    static final Path RULES = Path.of("src/test/resources/http/rules");
    static final Path FACTS = Path.of("src/test/resources/http/facts");
    /** Rules whose answer to a {@code Request} takes 27,000 firings (about a second): see slow.drl. */
    static final Path SLOW_RULES = Path.of("src/test/resources/http/slow-rules");
    static final String FACT_AMMUNITION =
            "{\"type\": \"ArmsTransfer\", \"supplier\": \"RUS\", \"recipient\": \"PRK\", \"category\": \"ammunition\"}";
    static final String FACT_PRECISION =
            "{\"type\": \"ArmsTransfer\", \"supplier\": \"RUS\", \"recipient\": \"PRK\", \"category\": \"precision-weapons\"}";

    private static final Map<Path, Advisor> COMPILED = new ConcurrentHashMap<>();

    final AtomicReference<Advisor> advisor = new AtomicReference<>();
    AdvisorVerticle verticle;
    WebClient client;
    Vertx vertx;

    static Advisor advisorOf(Path rules) {
        return COMPILED.computeIfAbsent(rules, dir -> Advisor.builder().rulesFrom(dir).build());
    }

    /** The slow rules, with limits that let a request be answered. */
    static Advisor slowAdvisor() {
        return advisorOf(SLOW_RULES).withLimits(new Limits(100_000, Duration.ofSeconds(30)));
    }

    /** The configuration of the server under test; override to change limits. */
    ServerConfig config() {
        return ServerConfig.defaults().withPort(0).withFactsDir(FACTS);
    }

    /** What the verticle shares with others of its server: bounds, meters, decisions, exposure. */
    Shared shared(ServerConfig config) {
        return Shared.of(config);
    }

    Advisor initialAdvisor() {
        return advisorOf(RULES);
    }

    List<Problem> loadProblems() {
        return List.of();
    }

    @BeforeEach
    void startServer(Vertx v, VertxTestContext context) {
        vertx = v;
        advisor.set(initialAdvisor());
        verticle = new AdvisorVerticle(advisor, this::loadProblems, config(), shared(config()));
        vertx.deployVerticle(verticle).onComplete(context.succeeding(id -> {
            client = WebClient.create(vertx, new WebClientOptions()
                    .setDefaultHost("127.0.0.1")
                    .setDefaultPort(verticle.actualPort()), new PoolOptions().setHttp1MaxSize(64));
            context.completeNow();
        }));
    }

    HttpResponse<Buffer> get(String path) {
        return await(client.get(path).send());
    }

    HttpResponse<Buffer> post(String path, String json) {
        return await(client.post(path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(json)));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within 30 s", e);
        }
    }

    /** Asserts the error shape and code, and returns the body. */
    static JsonObject assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        String text = response.bodyAsString();
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("code")).isEqualTo(code);
        assertThat(body.getString("message")).isNotBlank();
        assertThat(body.getValue("errors")).isInstanceOf(JsonArray.class);
        for (Object e : body.getJsonArray("errors")) {
            assertThat(((JsonObject) e).fieldNames()).containsExactlyInAnyOrder("path", "message");
        }
        return body;
    }

    static List<String> paths(JsonObject error) {
        return error.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("path")).toList();
    }
}
