package org.policyadvisor.decisions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Fact;
import org.policyadvisor.json.Json;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The decision log: one JSON line per decision, rotated, never failing a request")
class DecisionLogTest {

    static Decision decision(String id) {
        Fact fact = Fact.of("ArmsTransfer", Map.of("supplier", "RUS", "recipient", "PRK", "category", "ammunition"));
        return new Decision(id, Instant.parse("2026-01-02T03:04:05Z"), "what-if", "rev1", List.of(fact),
                Optional.empty(), "", "", List.of(new Decision.Outcome(Fact.of("Escalation", Map.of("actor", "PRK")),
                0.63)), List.of("r1", "r2"), 1234);
    }

    private static final class Counts implements DecisionLog.Listener {
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();

        @Override
        public void written() {
            written.incrementAndGet();
        }

        @Override
        public void lost() {
            lost.incrementAndGet();
        }
    }

    @Test
    @DisplayName("written and read back: one line per decision with its id, revision, inputs, consequences, rules")
    void written_and_read_back(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs/decisions.jsonl");
        Counts counts = new Counts();
        try (DecisionLog log = new DecisionLog(file, DecisionLog.DEFAULT_MAX_BYTES, 3, false)) {
            log.listener(counts);
            log.append(decision("d1").toJson(false));
            log.append(decision("d2").toJson(false));
            assertThat(log.flush(5000)).isTrue();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.get("decisionId").asText()).isEqualTo("d1");
        assertThat(first.get("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(first.get("revision").asText()).isEqualTo("rev1");
        assertThat(first.at("/input/facts/0/supplier").asText()).isEqualTo("RUS");
        assertThat(first.at("/consequences/0/fact/type").asText()).isEqualTo("Escalation");
        assertThat(first.at("/consequences/0/likelihood").asDouble()).isEqualTo(0.63);
        assertThat(first.at("/rulesUsed/1").asText()).isEqualTo("r2");
        assertThat(first.get("micros").asLong()).isEqualTo(1234);
        assertThat(counts.written.get()).isEqualTo(2);
        assertThat(DecisionLogReader.find(file, "d2")).isPresent();
        assertThat(DecisionLogReader.find(file, "d3")).isEmpty();
    }

    @Test
    @DisplayName("inputs as their SHA-256 only, with --decision-log-inputs hash")
    void hashed_inputs() throws Exception {
        JsonNode line = Json.mapper().readTree(decision("d1").toJson(true));

        assertThat(line.has("input")).isFalse();
        assertThat(line.get("inputSha256").asText()).hasSize(64)
                .isEqualTo(Decision.sha256(decision("d1").input()));
    }

    @Test
    @DisplayName("rotates at the size given, keeps N files, and a decision is found in a rotated file")
    void rotated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        int size = decision("d-000").toJson(false).length() + 1;
        try (DecisionLog log = new DecisionLog(file, size * 3L, 2, false)) {
            for (int i = 0; i < 10; i++) {
                log.append(decision(String.format("d-%03d", i)).toJson(false));
            }
            assertThat(log.flush(5000)).isTrue();
        }
        assertThat(DecisionLog.files(file)).containsExactly(file, dir.resolve("decisions.jsonl.1"),
                dir.resolve("decisions.jsonl.2"));
        assertThat(Files.readAllLines(file)).hasSize(1);
        for (Path f : DecisionLog.files(file)) {
            assertThat(Files.size(f)).isLessThanOrEqualTo(size * 3L);
        }
        assertThat(DecisionLogReader.find(file, "d-009")).isPresent();
        assertThat(DecisionLogReader.find(file, "d-005")).as("in the second rotated file").isPresent();
        assertThat(DecisionLogReader.find(file, "d-002")).as("rotated out").isEmpty();
    }

    @Test
    @DisplayName("a write error loses the line and counts it, and never throws to the caller")
    void write_error_is_counted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("is-a-directory");
        Files.createDirectories(file);
        Counts counts = new Counts();
        try (DecisionLog log = new DecisionLog(file, DecisionLog.DEFAULT_MAX_BYTES, 1, false)) {
            log.listener(counts);
            log.append(decision("d1").toJson(false));
            log.append(decision("d2").toJson(false));
            assertThat(log.flush(5000)).isTrue();
        }
        assertThat(counts.lost.get()).isEqualTo(2);
        assertThat(counts.written.get()).isZero();
    }

    @Test
    @DisplayName("the ring keeps the most recent decisions, bounded by count and by characters")
    void ring() {
        DecisionRing ring = new DecisionRing(2, 1_000_000);
        ring.add("a", "{}");
        ring.add("b", "{}");
        ring.add("c", "{}");
        assertThat(ring.get("a")).isEmpty();
        assertThat(ring.get("c")).contains("{}");
        DecisionRing small = new DecisionRing(100, 10);
        small.add("a", "12345");
        small.add("b", "123456");
        assertThat(small.get("a")).isEmpty();
        assertThat(small.get("b")).isPresent();
    }
}
