package org.policyadvisor.http;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.policyadvisor.Advisor;
import org.policyadvisor.ErrorCode;
import org.policyadvisor.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the service, translating between HTTP/JSON and an {@link Advisor}, nothing more: what-if and
 * why-not here, the read-only routes in {@link CatalogueRoutes}, the workbench in {@link WorkbenchRoutes}, and one
 * error shape for every failure ({@link Failure}).
 *
 * <p>The advisor is read from its reference once when a request starts; that one instance answers the whole
 * request, and its revision is the one reported. Until rules are loaded (the reference is empty) and while the
 * server drains, only {@code /health}, {@code /ready} and {@code /metrics} answer; the rest is 503
 * {@code not_ready}.
 */
final class AdvisorRouter {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorRouter.class);
    private static final String ADVISOR = "advisor";
    private static final String DECISION_ID = "decisionId";
    private static final String JSON_TYPE = "application/json";
    private static final int[] ROUTER_ERRORS = {400, 404, 405, 406, 413, 415, 500};

    private final AtomicReference<Advisor> advisor;
    private final ServerConfig config;
    private final Workers workers;
    private final Shared shared;
    private final WhatIf whatIf;
    private final WhyNotAnswer whyNot;
    private final AnalysisAnswers analysis;
    private final BodyReader bodies;
    private final CatalogueRoutes catalogue;
    private final WorkbenchRoutes workbench;

    /**
     * @param advisor      the advisor that answers; swap it to serve other rules from the next request on; empty
     *                     while the rules load
     * @param loadProblems the problems of the last attempt to load rules, shown by {@code /v1/status}
     * @param config       the limits of requests
     * @param workers      the worker pool, with its bound
     * @param shared       what every event loop of the server shares
     */
    AdvisorRouter(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems, ServerConfig config,
                  Workers workers, Shared shared) {
        this.advisor = Objects.requireNonNull(advisor, "advisor must not be null");
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.workers = workers;
        this.shared = shared;
        this.whatIf = new WhatIf(config.factsDir(), config.maxFacts(), shared.metrics(), shared.decisions());
        this.whyNot = new WhyNotAnswer(whatIf, config.maxFacts(), shared.metrics(), shared.decisions());
        this.analysis = new AnalysisAnswers(whatIf, config.maxFacts());
        this.bodies = new BodyReader(config.bodyLimit(), shared.budget(), shared.metrics());
        this.catalogue = new CatalogueRoutes(Objects.requireNonNull(loadProblems, "loadProblems must not be null"),
                whatIf, workers, shared, advisor::get);
        this.workbench = new WorkbenchRoutes(shared.authoring(), config.factsDir(), workers);
    }

    /** A router with every route of the service and its failure handling. */
    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(this::begin);
        router.route().handler(this::requireReady);
        catalogue.mountProbes(router);
        router.post("/v1/what-if").handler(AdvisorRouter::requireJson).handler(bodies::handle).handler(this::whatIf);
        router.post("/v1/why-not").handler(AdvisorRouter::requireJson).handler(bodies::handle).handler(this::whyNot);
        post(router, "/v1/sensitivity", analysis::sensitivity);
        post(router, "/v1/sweep", analysis::sweep);
        post(router, "/v1/what-if/batch", analysis::batch);
        catalogue.mount(router);
        workbench.mount(router);
        router.route().failureHandler(this::failure);
        for (int status : ROUTER_ERRORS) {
            router.errorHandler(status, this::failure);
        }
        return router;
    }

    /** The advisor that answers this request. */
    static Advisor advisor(RoutingContext ctx) {
        return ctx.get(ADVISOR);
    }

    /** Every request: the advisor it will use, and one access line and one count when it ends. */
    private void begin(RoutingContext ctx) {
        Advisor current = advisor.get();
        if (current != null) {
            ctx.put(ADVISOR, current);
        }
        long start = System.nanoTime();
        ctx.addEndHandler(done -> end(ctx, start));
        ctx.next();
    }

    private void requireReady(RoutingContext ctx) {
        if (!CatalogueRoutes.probe(ctx.request().path()) && (advisor(ctx) == null || shared.draining().get())) {
            ctx.fail(new RequestException(ErrorCode.NOT_READY, advisor(ctx) == null
                    ? "the server is starting: the rules are not loaded yet" : "the server is stopping", List.of()));
            return;
        }
        ctx.next();
    }

    private void whatIf(RoutingContext ctx) {
        Advisor current = advisor(ctx);
        boolean explain = explain(ctx.request());
        Buffer body = BodyReader.body(ctx);
        if (workers.admit(ctx)) {
            String decisionId = decisionId(ctx);
            workers.run(ctx, () -> whatIf.answer(current, decisionId, body, explain));
        }
    }

    private void whyNot(RoutingContext ctx) {
        Advisor current = advisor(ctx);
        Buffer body = BodyReader.body(ctx);
        if (workers.admit(ctx)) {
            String decisionId = decisionId(ctx);
            workers.run(ctx, () -> whyNot.answer(current, decisionId, body));
        }
    }

    /** An answer computed on the worker pool from the advisor, a decision id and the body. */
    private interface Answer {
        Buffer answer(Advisor advisor, String decisionId, Buffer body);
    }

    /** A JSON POST route answered on the worker pool, admitted like a what-if. */
    private void post(Router router, String path, Answer answer) {
        router.post(path).handler(AdvisorRouter::requireJson).handler(bodies::handle).handler(ctx -> {
            Advisor current = advisor(ctx);
            Buffer body = BodyReader.body(ctx);
            if (workers.admit(ctx)) {
                String decisionId = decisionId(ctx);
                workers.run(ctx, () -> answer.answer(current, decisionId, body));
            }
        });
    }

    private static String decisionId(RoutingContext ctx) {
        String decisionId = DecisionIds.next();
        ctx.put(DECISION_ID, decisionId);
        return decisionId;
    }

    /** Refuses a body that does not say it is UTF-8 JSON before any of it is read. */
    private static void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mime.equals(JSON_TYPE) || (mime.startsWith("application/") && mime.endsWith("+json"))) {
            Utf8.checkCharset(type);
            ctx.next();
            return;
        }
        ctx.fail(new RequestException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "expected a JSON body (Content-Type: application/json)",
                List.of(new Problem("Content-Type", type == null ? "missing" : "got " + Failure.shown(type)))));
    }

    private static boolean explain(HttpServerRequest request) {
        String explain = request.getParam("explain");
        if (explain == null || explain.equals("full")) {
            return true;
        }
        if (explain.equals("none")) {
            return false;
        }
        throw RequestException.invalid("invalid query parameter",
                new Problem("explain", "expected full or none, got '" + Failure.shown(explain) + "'"));
    }

    private void failure(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Failure failure = Failure.of(ctx.failure(), ctx.statusCode(), request.method().name(), request.path(),
                config.bodyLimit());
        if (!failure.expected()) {
            LOG.error("{} {} failed", request.method(), Failure.shown(request.path()), ctx.failure());
        }
        Advisor current = advisor(ctx) != null ? advisor(ctx) : advisor.get();
        // A refusal before the body was read (413, 503 of the body budget) closes the connection.
        boolean close = failure.status() == 413 || (failure.status() == 503 && !request.isEnded());
        failure.send(request, current == null ? null : current.revision(), ctx.get(DECISION_ID), close);
    }

    private void end(RoutingContext ctx, long start) {
        HttpServerRequest request = ctx.request();
        int status = ctx.response().ended() ? ctx.response().getStatusCode() : -1;
        shared.metrics().request(Metrics.route(request.path()), status);
        if (AccessLog.enabled()) {
            AccessLog.log(request.method().name(), Failure.shown(request.path()), status, System.nanoTime() - start,
                    ctx.get(DECISION_ID));
        }
    }
}
