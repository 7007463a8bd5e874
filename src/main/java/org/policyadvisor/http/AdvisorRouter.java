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
import io.vertx.ext.web.handler.BodyHandler;
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
 * request, and its revision is the one reported.
 */
final class AdvisorRouter {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorRouter.class);
    private static final String ADVISOR = "advisor";
    private static final String DECISION_ID = "decisionId";
    private static final String JSON_TYPE = "application/json";
    /** Seconds a client refused with 503 is asked to wait: about a queue's worth of evaluations, rounded up. */
    private static final CharSequence RETRY_AFTER_SECONDS = HttpHeaders.createOptimized("1");
    private static final int[] ROUTER_ERRORS = {400, 404, 405, 406, 413, 415, 500};

    private final AtomicReference<Advisor> advisor;
    private final ServerConfig config;
    private final Workers workers;
    private final WhatIf whatIf;
    private final WhyNotAnswer whyNot;
    private final AnalysisAnswers analysis;
    private final CatalogueRoutes catalogue;
    private final WorkbenchRoutes workbench;

    /**
     * @param advisor      the advisor that answers; swap it to serve other rules from the next request on
     * @param loadProblems the problems of the last attempt to load rules, shown by {@code /v1/status}
     * @param config       the limits of requests
     * @param workers      the worker pool, with its bound
     */
    AdvisorRouter(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems, ServerConfig config,
                  Workers workers) {
        this(advisor, loadProblems, config, workers, Authoring.packaged());
    }

    /** As above, with what the workbench shows of the rules being authored. */
    AdvisorRouter(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems, ServerConfig config,
                  Workers workers, Authoring authoring) {
        this.advisor = Objects.requireNonNull(advisor, "advisor must not be null");
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.workers = workers;
        this.whatIf = new WhatIf(config.factsDir(), config.maxFacts());
        this.whyNot = new WhyNotAnswer(whatIf, config.maxFacts());
        this.analysis = new AnalysisAnswers(whatIf, config.maxFacts());
        this.catalogue = new CatalogueRoutes(Objects.requireNonNull(loadProblems, "loadProblems must not be null"),
                whatIf, workers);
        this.workbench = new WorkbenchRoutes(authoring, config.factsDir(), workers);
    }

    /** A router with every route of the service and its failure handling. */
    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(this::begin);
        router.post("/v1/what-if").handler(AdvisorRouter::requireJson);
        router.post("/v1/what-if")
                .handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit()))
                .handler(this::whatIf);
        router.post("/v1/why-not").handler(AdvisorRouter::requireJson);
        router.post("/v1/why-not")
                .handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit()))
                .handler(this::whyNot);
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

    /** Every request: the advisor it will use, and one access line when it ends. */
    private void begin(RoutingContext ctx) {
        ctx.put(ADVISOR, advisor.get());
        if (AccessLog.enabled()) {
            long start = System.nanoTime();
            ctx.addEndHandler(done -> access(ctx, start));
        }
        ctx.next();
    }

    private void whatIf(RoutingContext ctx) {
        Advisor current = advisor(ctx);
        boolean explain = explain(ctx.request());
        Buffer body = ctx.body().buffer();
        if (workers.admit(ctx)) {
            String decisionId = decisionId(ctx);
            workers.run(ctx, () -> whatIf.answer(current, decisionId, body, explain));
        }
    }

    private void whyNot(RoutingContext ctx) {
        Advisor current = advisor(ctx);
        Buffer body = ctx.body().buffer();
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
        router.post(path).handler(AdvisorRouter::requireJson);
        router.post(path).handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit())).handler(ctx -> {
            Advisor current = advisor(ctx);
            Buffer body = ctx.body().buffer();
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

    /** Refuses a body that does not say it is JSON before any of it is read. */
    private static void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mime.equals(JSON_TYPE) || (mime.startsWith("application/") && mime.endsWith("+json"))) {
            ctx.next();
            return;
        }
        ctx.fail(new RequestException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "expected a JSON body (Content-Type: application/json)",
                List.of(new Problem("Content-Type", type == null ? "missing" : "got " + type))));
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
                new Problem("explain", "expected full or none, got '" + explain + "'"));
    }

    private void failure(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Failure failure = Failure.of(ctx.failure(), ctx.statusCode(), request.method().name(), request.path(),
                config.bodyLimit());
        if (!failure.expected()) {
            LOG.error("{} {} failed", request.method(), request.path(), ctx.failure());
        }
        if (ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Advisor current = advisor(ctx);
        String revision = (current != null ? current : advisor.get()).revision();
        if (failure.status() == 413) {
            // The rest of the body is not read: close the connection after the answer.
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        if (failure.status() == 503) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        ctx.response().setStatusCode(failure.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Workers.JSON)
                .end(failure.body(revision, ctx.get(DECISION_ID)));
    }

    private static void access(RoutingContext ctx, long start) {
        HttpServerRequest request = ctx.request();
        AccessLog.log(request.method().name(), request.path(),
                ctx.response().ended() ? ctx.response().getStatusCode() : -1, System.nanoTime() - start,
                ctx.get(DECISION_ID));
    }
}
