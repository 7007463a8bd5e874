package org.policyadvisor.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;
import org.policyadvisor.Rule;
import org.policyadvisor.graph.CausalGraph;
import org.policyadvisor.graph.Dot;
import org.policyadvisor.graph.Graph;
import org.policyadvisor.graph.Mermaid;
import org.policyadvisor.reload.LoadStatus;
import org.policyadvisor.reload.ReloadImpact;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * The read-only routes: the rules, the vocabulary, the causal network, the scenarios, the status, the OpenAPI
 * document and {@code /health}. Reading scenario files runs on the worker pool.
 */
final class CatalogueRoutes {

    /**
     * The parts of the OpenAPI document, kept as several files of the jar (each a run of whole lines of the one
     * document: the head and the evaluation routes, the catalogue routes, the service's own routes, the
     * components, the schema of a reload's impact) and served joined, in this order, as {@code /v1/openapi.yaml}.
     */
    static final List<String> OPEN_API_PARTS = List.of("openapi/1-evaluation.yaml", "openapi/2-catalogue.yaml",
            "openapi/3-service.yaml", "openapi/4-components.yaml", "openapi/5-reload.yaml");
    private static final byte[] OPEN_API = openApi(OPEN_API_PARTS);

    private static final CharSequence PROMETHEUS_TEXT =
            HttpHeaders.createOptimized("text/plain; version=0.0.4; charset=utf-8");

    private final Supplier<List<Problem>> loadProblems;
    private final WhatIf whatIf;
    private final Workers workers;
    private final Shared shared;
    private final Supplier<Advisor> active;

    CatalogueRoutes(Supplier<List<Problem>> loadProblems, WhatIf whatIf, Workers workers, Shared shared,
                    Supplier<Advisor> active) {
        this.loadProblems = loadProblems;
        this.whatIf = whatIf;
        this.workers = workers;
        this.shared = shared;
        this.active = active;
    }

    /** True for the routes that answer while the server starts and drains. */
    static boolean probe(String path) {
        return "/health".equals(path) || "/ready".equals(path) || "/metrics".equals(path);
    }

    /** The routes that answer while the server starts and drains: liveness, readiness, metrics. */
    void mountProbes(Router router) {
        router.get("/health").handler(this::health);
        router.head("/health").handler(this::health);
        router.get("/ready").handler(this::ready);
        router.get("/metrics").handler(this::metrics);
    }

    void mount(Router router) {
        router.get("/v1/graph").handler(this::graph);
        router.get("/v1/rules").handler(this::rules);
        router.get("/v1/rules/:id").handler(this::rule);
        router.get("/v1/vocabulary").handler(this::vocabulary);
        router.get("/v1/scenarios").handler(this::scenarios);
        router.get("/v1/scenarios/:name").handler(this::scenario);
        router.get("/v1/status").handler(this::status);
        router.get("/v1/openapi.yaml").handler(this::openApi);
        router.get("/v1/decisions/:id").handler(this::decision);
    }

    /** The causal network of the rules: DOT (default) or Mermaid text. */
    private void graph(RoutingContext ctx) {
        Advisor current = AdvisorRouter.advisor(ctx);
        String format = ctx.request().getParam("format", "dot");
        Graph network = CausalGraph.network(current.rules(), current.vocabulary());
        String text = switch (format) {
            case "dot" -> Dot.render(network);
            case "mermaid" -> Mermaid.render(network);
            default -> throw RequestException.invalid("invalid query parameter",
                    new Problem("format", "expected dot or mermaid, got '" + Failure.shown(format) + "'"));
        };
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE,
                        format.equals("dot") ? "text/vnd.graphviz; charset=utf-8" : "text/plain; charset=utf-8")
                .putHeader("X-Revision", current.revision())
                .end(text);
    }

    private void rules(RoutingContext ctx) {
        Workers.json(ctx, Documents.rules(AdvisorRouter.advisor(ctx)));
    }

    private void rule(RoutingContext ctx) {
        Advisor current = AdvisorRouter.advisor(ctx);
        String id = ctx.pathParam("id");
        Rule rule = current.rule(id).orElseThrow(() -> RequestException.notFound("id",
                "no rule with id '" + Failure.shown(id) + "'"));
        Workers.json(ctx, Documents.rule(current, rule));
    }

    private void vocabulary(RoutingContext ctx) {
        Workers.json(ctx, Documents.vocabulary(AdvisorRouter.advisor(ctx)));
    }

    private void scenarios(RoutingContext ctx) {
        Advisor current = AdvisorRouter.advisor(ctx);
        if (!workers.admit(ctx)) {
            return;
        }
        workers.run(ctx, () -> {
            ScenarioReader reader = whatIf.reader(current);
            List<Documents.Entry> entries = new ArrayList<>();
            for (String name : reader.names()) {
                try {
                    entries.add(new Documents.Entry(name, reader.byName(name), null));
                } catch (AdvisorException e) {
                    entries.add(new Documents.Entry(name, null, e));
                }
            }
            return Documents.scenarios(current, entries);
        });
    }

    private void scenario(RoutingContext ctx) {
        Advisor current = AdvisorRouter.advisor(ctx);
        String name = ctx.pathParam("name");
        if (!workers.admit(ctx)) {
            return;
        }
        workers.run(ctx, () -> {
            ScenarioReader reader = whatIf.reader(current);
            try {
                return Documents.scenario(current, reader.byName(name));
            } catch (NotFoundException e) {
                throw RequestException.notFound("name", e.getMessage());
            }
        });
    }

    private void status(RoutingContext ctx) {
        ReloadImpact impact = shared.authoring().status().map(LoadStatus::impact).orElse(null);
        List<Problem> problems = Documents.shown(loadProblems.get(), shared.authoring().rules());
        Workers.json(ctx, Documents.status(AdvisorRouter.advisor(ctx), problems, impact));
    }

    private void openApi(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml").end(Buffer.buffer(OPEN_API));
    }

    /** Liveness: 200 while the process serves HTTP at all, rules loaded or not. */
    private void health(RoutingContext ctx) {
        Workers.json(ctx, Documents.health(AdvisorRouter.advisor(ctx)));
    }

    /** Readiness: 200 once rules are loaded, 503 while starting or draining. */
    private void ready(RoutingContext ctx) {
        Advisor current = AdvisorRouter.advisor(ctx);
        boolean draining = shared.draining().get();
        boolean ready = current != null && !draining;
        ctx.response().setStatusCode(ready ? 200 : 503);
        Workers.json(ctx, Documents.ready(current, ready, current == null ? "starting" : "draining"));
    }

    private void metrics(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT).end(shared.metrics().scrape(active));
    }

    private void decision(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String json = shared.decisions().get(id).orElseThrow(() -> RequestException.notFound("id",
                "no recent decision with id '" + Failure.shown(id) + "'"));
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Workers.JSON).end(json);
    }

    private static byte[] openApi(List<String> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        for (String part : parts) {
            byte[] bytes = resource(part);
            if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
                throw new IllegalStateException("resource " + part + " does not end with a line break");
            }
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = CatalogueRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
