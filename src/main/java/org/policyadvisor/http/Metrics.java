package org.policyadvisor.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;

/**
 * The service's meters, in one Prometheus registry that {@code GET /metrics} writes out in Prometheus' text format
 * (Vert.x's own meters join it when the server runs with metrics on). Labels have bounded values: routes are the
 * route patterns, never raw paths.
 */
final class Metrics {

    private final PrometheusMeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();
    private final Map<String, Timer> evaluations = new ConcurrentHashMap<>();
    private final MultiGauge revision;
    private final Counter decisionsWritten;
    private final Counter decisionsLost;

    Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.revision = MultiGauge.builder("advisor.active.revision")
                .description("1 for the revision of the rules that answers now").register(registry);
        this.decisionsWritten = Counter.builder("advisor.decision.log.written")
                .description("Decisions written to the decision log").register(registry);
        this.decisionsLost = Counter.builder("advisor.decision.log.lost")
                .description("Decisions the decision log could not write (full disk, write error, full queue)")
                .register(registry);
    }

    Metrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Gauges read when scraped: requests taken in by the workers, and body bytes held. */
    void watch(Admission admission, Budget budget) {
        Gauge.builder("advisor.queue.depth", admission, Admission::taken)
                .description("Requests running on a worker or waiting for one").register(registry);
        Gauge.builder("advisor.body.bytes.in.flight", budget, Budget::taken)
                .description("Bytes of request bodies held now").register(registry);
        Gauge.builder("advisor.body.bytes.budget", budget, Budget::limit)
                .description("The most bytes of request bodies held at once").register(registry);
    }

    void request(String route, int status) {
        requests.computeIfAbsent(route + ' ' + status, k -> Counter.builder("advisor.requests")
                .description("Requests answered, by route pattern and status")
                .tags("route", route, "status", Integer.toString(status)).register(registry)).increment();
    }

    /** One evaluation ({@code what-if} or {@code why-not}) and how long it took. */
    void evaluation(String kind, long nanos) {
        evaluations.computeIfAbsent(kind, k -> Timer.builder("advisor.evaluation")
                .description("Time to read, evaluate and render a what-if or why-not")
                .tags("kind", kind).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The rules that fired for the consequences of an assessment, one count per derivation. */
    void firings(Assessment assessment) {
        assessment.consequences().forEach(c -> c.derivations().forEach(d -> firings.computeIfAbsent(d.rule().id(),
                id -> Counter.builder("advisor.rule.firings").description("Derivations made by each rule")
                        .tags("rule", id).register(registry)).increment()));
    }

    void overloaded(String reason) {
        registry.counter("advisor.overloaded", "reason", reason).increment();
    }

    void reload(String outcome) {
        registry.counter("advisor.reloads", "outcome", outcome).increment();
    }

    void decisionWritten() {
        decisionsWritten.increment();
    }

    void decisionLost() {
        decisionsLost.increment();
    }

    /** The registry in Prometheus' text format, with the active revision as it is now. */
    String scrape(Supplier<Advisor> active) {
        Advisor advisor = active.get();
        revision.register(advisor == null ? List.of()
                : List.of(MultiGauge.Row.of(Tags.of("revision", advisor.revision()), 1)), true);
        return registry.scrape();
    }

    /** The route pattern a request is counted under. */
    static String route(String path) {
        if (path == null) {
            return "other";
        }
        return switch (path) {
            case "/v1/what-if", "/v1/why-not", "/v1/graph", "/v1/rules", "/v1/vocabulary", "/v1/scenarios",
                 "/v1/status", "/v1/openapi.yaml", "/health", "/ready", "/metrics", "/v1/sensitivity", "/v1/sweep",
                 "/v1/what-if/batch", "/v1/sources", "/v1/authoring", "/v1/decisions", "/" -> path;
            default -> {
                if (path.startsWith("/v1/rules/")) {
                    yield "/v1/rules/{id}";
                }
                if (path.startsWith("/v1/scenarios/")) {
                    yield "/v1/scenarios/{name}";
                }
                if (path.startsWith("/workbench/")) {
                    yield "/workbench/{file}";
                }
                if (path.startsWith("/v1/decisions/")) {
                    yield "/v1/decisions/{id}";
                }
                yield "other";
            }
        };
    }
}
