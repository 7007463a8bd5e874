package org.policyadvisor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Limits;
import org.policyadvisor.engine.RuleCheck;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;
import org.policyadvisor.reload.Reloader;

@DisplayName("Hot reload of a rules directory while serving")
class HotReloadTest extends HttpTestBase {

    private static final String PRECISION = "{\"facts\": [" + FACT_PRECISION + "]}";
    private static final int RELOADS = 10;

    private Path dir;
    private String claims;
    private Reloader reloader;

    @Override
    Advisor initialAdvisor() {
        try {
            dir = Fixtures.tempDir("served-rules");
            Files.createDirectories(dir.resolve("sources"));
            for (String f : List.of("vocabulary.drl", "actors.csv", "claims.drl", "sources/test.txt")) {
                Files.copy(RULES.resolve(f), dir.resolve(f));
            }
            claims = Files.readString(dir.resolve("claims.drl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Advisor initial = Advisor.builder().rulesFrom(dir).build();
        advisor.set(initial);
        reloader = new Reloader(dir, advisor, Limits.DEFAULT, RuleCheck::lintErrors, Duration.ofMillis(100),
                Clock.systemUTC());
        return initial;
    }

    @Override
    List<Problem> loadProblems() {
        return reloader.status().problems();
    }

    @AfterEach
    void stopWatching() {
        reloader.close();
    }

    /** The same rules with the precision-weapons claim hedged "likely" (0.7) instead of "will" (0.9). */
    private String variant(boolean likely) {
        return likely ? claims.replaceFirst("@hedge\\(\"will\"\\)", "@hedge(\"likely\")") : claims;
    }

    private void write(String text) {
        try {
            Files.writeString(dir.resolve("claims.drl"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double unbound(JsonObject answer) {
        return answer.getJsonArray("consequences").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("type").equals("AidRestraintLifted"))
                .findFirst().orElseThrow().getDouble("likelihood");
    }

    @Test
    @DisplayName("a broken edit leaves the revision, names the file in /v1/status, and what-ifs keep answering")
    void broken_edit_keeps_the_last_good_revision() {
        String before = get("/v1/status").bodyAsJsonObject().getString("revision");
        write(claims + "\nrule \"Broken\" when ArmsTransfer( then end\n");

        assertThat(reloader.reload()).isFalse();

        JsonObject status = get("/v1/status").bodyAsJsonObject();
        assertThat(status.getString("revision")).isEqualTo(before);
        assertThat(status.getJsonArray("loadProblems").encode()).contains("claims.drl:");
        HttpResponse<Buffer> answer = post("/v1/what-if", PRECISION);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.bodyAsJsonObject().getString("revision")).isEqualTo(before);
        assertThat(unbound(answer.bodyAsJsonObject())).isEqualTo(0.9);
    }

    @Test
    @DisplayName("a quote that is not in its source blocks activation like a compile error")
    void check_errors_block_activation() {
        String before = advisor.get().revision();
        write(claims.replace("the country will not be bound", "the country will never be bound"));

        assertThat(reloader.reload()).isFalse();

        assertThat(advisor.get().revision()).isEqualTo(before);
        assertThat(reloader.status().problems()).anySatisfy(p -> assertThat(p.message()).contains("quote"));
    }

    @Test
    @DisplayName("a fixed edit is picked up by the watcher and activated within a few seconds")
    void fixed_edit_activates_a_new_revision() throws Exception {
        String before = get("/v1/status").bodyAsJsonObject().getString("revision");
        reloader.watch();
        write(claims + "\nrule \"Broken\" when ArmsTransfer( then end\n");
        // The watcher tries the broken edit and keeps the revision.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reloader.status().problems().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(get("/v1/status").bodyAsJsonObject().getJsonArray("loadProblems")).isNotEmpty();
        assertThat(get("/v1/status").bodyAsJsonObject().getString("revision")).isEqualTo(before);

        write(variant(true));

        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String now = before;
        while (now.equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = get("/v1/status").bodyAsJsonObject().getString("revision");
        }
        assertThat(now).isNotEqualTo(before);
        assertThat(get("/v1/status").bodyAsJsonObject().getJsonArray("loadProblems")).isEmpty();
        assertThat(unbound(post("/v1/what-if", PRECISION).bodyAsJsonObject())).isEqualTo(0.7);
    }

    @Test
    @DisplayName("reloads under concurrent requests: no failed and no mixed-revision answer (the 100-reload soak is"
            + " bench/reload-soak.sh)")
    void reloads_under_load() throws Exception {
        Map<String, Double> expected = new ConcurrentHashMap<>();
        expected.put(advisor.get().revision(), 0.9);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answers = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            callers.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<Buffer> r = post("/v1/what-if", PRECISION);
                        JsonObject body = r.bodyAsJsonObject();
                        Double want = expected.get(body.getString("revision"));
                        if (r.statusCode() != 200 || want == null || unbound(body) != want) {
                            failures.add(r.statusCode() + " " + body.getString("revision") + " " + r.bodyAsString());
                        }
                        answers.incrementAndGet();
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(e.toString());
                    }
                }
            });
        }
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (answers.get() < 2 && System.nanoTime() < warm) {
            Thread.sleep(5);
        }
        int before = answers.get();
        int activated = 0;
        for (int i = 1; i <= RELOADS; i++) {
            boolean likely = i % 2 == 1;
            write(variant(likely));
            expected.put(RuleSources.fromDirectory(dir).revision(), likely ? 0.7 : 0.9);
            if (reloader.reload()) {
                activated++;
            }
        }
        running.set(false);
        callers.shutdown();
        assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(activated).isEqualTo(RELOADS);
        assertThat(failures).isEmpty();
        assertThat(answers.get()).as("answers during the reloads").isGreaterThan(before);
    }
}
