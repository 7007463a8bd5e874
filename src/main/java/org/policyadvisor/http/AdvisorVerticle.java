package org.policyadvisor.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;
import org.policyadvisor.Rule;
import org.policyadvisor.graph.CausalGraph;
import org.policyadvisor.graph.Dot;
import org.policyadvisor.graph.Graph;
import org.policyadvisor.graph.Mermaid;
import org.policyadvisor.scenario.ScenarioReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The what-if HTTP service: routes that translate between HTTP/JSON and an {@link Advisor}, nothing more.
 *
 * <p>The advisor is read from its reference once when a request starts; that one instance answers the whole
 * request, and its revision is the one reported. Parsing, evaluation and rendering of what-if requests, and
 * reading scenario files, run on a bounded worker pool, never on the event loop. The pool takes at most
 * {@code workers + queue} requests at once (see {@link Admission}); beyond that a request is answered 503
 * {@code overloaded} with {@code Retry-After} at once.
 */
public final class AdvisorVerticle extends VerticleBase {

    /** The shared worker pool of every instance of this verticle. */
    public static final String WORKER_POOL = "policy-advisor-workers";

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorVerticle.class);
    private static final String ADVISOR = "advisor";
    private static final String DECISION_ID = "decisionId";
    private static final String JSON_TYPE = "application/json";
    private static final CharSequence JSON = HttpHeaders.createOptimized(JSON_TYPE);
    /** Seconds a client refused with 503 is asked to wait: about a queue's worth of evaluations, rounded up. */
    private static final CharSequence RETRY_AFTER_SECONDS = HttpHeaders.createOptimized("1");
    private static final int[] ROUTER_ERRORS = {400, 404, 405, 406, 413, 415, 500};

    private final AtomicReference<Advisor> advisor;
    private final Supplier<List<Problem>> loadProblems;
    private final ServerConfig config;
    private final WhatIf whatIf;
    private final WhyNotAnswer whyNot;
    private final AnalysisAnswers analysis;
    private final byte[] openApi;
    private final Admission admission;
    /** Routes added after the served ones; only benchmarks add any. */
    private final Consumer<Router> extraRoutes;
    private WorkerExecutor workers;
    private Router router;
    private HttpServer server;

    /**
     * @param advisor      the advisor that answers; swap it to serve other rules from the next request on
     * @param loadProblems the problems of the last attempt to load rules, shown by {@code /v1/status}
     * @param config       where to listen and the limits of requests
     * @param admission    the bound on the worker pool, shared by every instance of one server
     */
    AdvisorVerticle(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems, ServerConfig config,
                    Admission admission) {
        this(advisor, loadProblems, config, admission, router -> { });
    }

    private AdvisorVerticle(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems,
                            ServerConfig config, Admission admission, Consumer<Router> extraRoutes) {
        this.advisor = Objects.requireNonNull(advisor, "advisor must not be null");
        this.loadProblems = Objects.requireNonNull(loadProblems, "loadProblems must not be null");
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.admission = Objects.requireNonNull(admission, "admission must not be null");
        this.extraRoutes = extraRoutes;
        this.whatIf = new WhatIf(config.factsDir(), config.maxFacts());
        this.whyNot = new WhyNotAnswer(whatIf, config.maxFacts());
        this.analysis = new AnalysisAnswers(whatIf, config.maxFacts());
        this.openApi = resource("openapi.yaml");
    }

    /** One instance alone, with its own bound on the worker pool. */
    public AdvisorVerticle(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems,
                           ServerConfig config) {
        this(advisor, loadProblems, config, Admission.of(config));
    }

    /**
     * Instances for each event loop of one server: they share the worker pool (by its name) and its bound.
     *
     * @return a factory of instances, to deploy once per event loop
     */
    public static Supplier<AdvisorVerticle> instances(AtomicReference<Advisor> advisor,
                                                      Supplier<List<Problem>> loadProblems, ServerConfig config) {
        return instances(advisor, loadProblems, config, router -> { });
    }

    /**
     * As {@link #instances(AtomicReference, Supplier, ServerConfig)}, with routes of a benchmark added to each
     * instance's router after the served ones, so that they are measured in the same server as those.
     */
    static Supplier<AdvisorVerticle> instances(AtomicReference<Advisor> advisor,
                                               Supplier<List<Problem>> loadProblems, ServerConfig config,
                                               Consumer<Router> extraRoutes) {
        Admission shared = Admission.of(config);
        return () -> new AdvisorVerticle(advisor, loadProblems, config, shared, extraRoutes);
    }

    public AdvisorVerticle(AtomicReference<Advisor> advisor, ServerConfig config) {
        this(advisor, List::of, config);
    }

    @Override
    public Future<?> start() {
        workers = vertx.createSharedWorkerExecutor(WORKER_POOL, config.workers());
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setIdleTimeout(config.idleTimeoutSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                // No WebSocket route: no WebSocket extension handler in every connection's pipeline.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        router = router();
        server = vertx.createHttpServer(options).requestHandler(router);
        return server.listen();
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture()
                : server.shutdown(config.shutdownSeconds(), TimeUnit.SECONDS);
        return closed.eventually(() -> workers == null ? Future.succeededFuture() : workers.close());
    }

    /** The port the server listens on, once started. */
    public int actualPort() {
        return server.actualPort();
    }

    /** The bound on the worker pool, and how many requests hold a place in it now. */
    Admission admission() {
        return admission;
    }

    /** The routes served, as {@code METHOD /path} with {@code :param} placeholders. */
    List<String> routes() {
        List<String> routes = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null && route.methods() != null) {
                route.methods().forEach(m -> routes.add(m.name() + " " + route.getPath()));
            }
        }
        return routes.stream().distinct().sorted().toList();
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.route().handler(this::begin);
        router.post("/v1/what-if").handler(this::requireJson);
        router.post("/v1/what-if")
                .handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit()))
                .handler(this::whatIf);
        router.post("/v1/why-not").handler(this::requireJson);
        router.post("/v1/why-not")
                .handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit()))
                .handler(this::whyNot);
        post(router, "/v1/sensitivity", analysis::sensitivity);
        post(router, "/v1/sweep", analysis::sweep);
        post(router, "/v1/what-if/batch", analysis::batch);
        router.get("/v1/graph").handler(this::graph);
        router.get("/v1/rules").handler(this::rules);
        router.get("/v1/rules/:id").handler(this::rule);
        router.get("/v1/vocabulary").handler(this::vocabulary);
        router.get("/v1/scenarios").handler(this::scenarios);
        router.get("/v1/scenarios/:name").handler(this::scenario);
        router.get("/v1/status").handler(this::status);
        router.get("/v1/openapi.yaml").handler(this::openApi);
        router.get("/health").handler(this::health);
        extraRoutes.accept(router);
        router.route().failureHandler(this::failure);
        for (int status : ROUTER_ERRORS) {
            router.errorHandler(status, this::failure);
        }
        return router;
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
        Advisor current = ctx.get(ADVISOR);
        boolean explain = explain(ctx.request());
        Buffer body = ctx.body().buffer();
        if (admit(ctx)) {
            String decisionId = decisionId(ctx);
            blocking(ctx, () -> whatIf.answer(current, decisionId, body, explain));
        }
    }

    private void whyNot(RoutingContext ctx) {
        Advisor current = ctx.get(ADVISOR);
        Buffer body = ctx.body().buffer();
        if (admit(ctx)) {
            String decisionId = decisionId(ctx);
            blocking(ctx, () -> whyNot.answer(current, decisionId, body));
        }
    }

    /** An answer computed on the worker pool from the advisor, a decision id and the body. */
    private interface Answer {
        Buffer answer(Advisor advisor, String decisionId, Buffer body);
    }

    /** A JSON POST route answered on the worker pool, admitted like a what-if. */
    private void post(Router router, String path, Answer answer) {
        router.post(path).handler(this::requireJson);
        router.post(path).handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit())).handler(ctx -> {
            Advisor current = ctx.get(ADVISOR);
            Buffer body = ctx.body().buffer();
            if (admit(ctx)) {
                String decisionId = decisionId(ctx);
                blocking(ctx, () -> answer.answer(current, decisionId, body));
            }
        });
    }

    private static String decisionId(RoutingContext ctx) {
        String decisionId = DecisionIds.next();
        ctx.put(DECISION_ID, decisionId);
        return decisionId;
    }

    /** The causal network of the rules: DOT (default) or Mermaid text. */
    private void graph(RoutingContext ctx) {
        Advisor current = ctx.get(ADVISOR);
        String format = ctx.request().getParam("format", "dot");
        Graph network = CausalGraph.network(current.rules());
        String text = switch (format) {
            case "dot" -> Dot.render(network);
            case "mermaid" -> Mermaid.render(network);
            default -> throw RequestException.invalid("invalid query parameter",
                    new Problem("format", "expected dot or mermaid, got '" + format + "'"));
        };
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE,
                        format.equals("dot") ? "text/vnd.graphviz; charset=utf-8" : "text/plain; charset=utf-8")
                .putHeader("X-Revision", current.revision())
                .end(text);
    }

    private void rules(RoutingContext ctx) {
        json(ctx, Documents.rules(ctx.get(ADVISOR)));
    }

    private void rule(RoutingContext ctx) {
        Advisor current = ctx.get(ADVISOR);
        String id = ctx.pathParam("id");
        Rule rule = current.rule(id).orElseThrow(() -> RequestException.notFound("id", "no rule with id '" + id + "'"));
        json(ctx, Documents.rule(current, rule));
    }

    private void vocabulary(RoutingContext ctx) {
        json(ctx, Documents.vocabulary(ctx.get(ADVISOR)));
    }

    private void scenarios(RoutingContext ctx) {
        Advisor current = ctx.get(ADVISOR);
        if (!admit(ctx)) {
            return;
        }
        blocking(ctx, () -> {
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
        Advisor current = ctx.get(ADVISOR);
        String name = ctx.pathParam("name");
        if (!admit(ctx)) {
            return;
        }
        blocking(ctx, () -> {
            ScenarioReader reader = whatIf.reader(current);
            try {
                return Documents.scenario(current, reader.byName(name));
            } catch (NotFoundException e) {
                throw RequestException.notFound("name", e.getMessage());
            }
        });
    }

    private void status(RoutingContext ctx) {
        json(ctx, Documents.status(ctx.get(ADVISOR), loadProblems.get()));
    }

    private void openApi(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml").end(Buffer.buffer(openApi));
    }

    private void health(RoutingContext ctx) {
        json(ctx, Documents.health(ctx.get(ADVISOR)));
    }

    /** Refuses a body that does not say it is JSON before any of it is read. */
    private void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mime.equals(JSON_TYPE) || (mime.startsWith("application/") && mime.endsWith("+json"))) {
            ctx.next();
            return;
        }
        ctx.fail(new RequestException(415, RequestException.UNSUPPORTED_MEDIA_TYPE,
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

    /** Takes a place in the pool for the request, or fails it with 503 {@code overloaded} when there is none. */
    private boolean admit(RoutingContext ctx) {
        if (admission.enter()) {
            return true;
        }
        ctx.fail(RequestException.overloaded());
        return false;
    }

    /**
     * Runs blocking work of an admitted request on the pool, unordered so requests of one connection do not queue
     * behind each other; its place is given back when the work is done, however it ends.
     */
    private void blocking(RoutingContext ctx, Callable<Buffer> work) {
        workers.executeBlocking(work, false).onComplete(result -> {
            admission.leave();
            if (result.succeeded()) {
                json(ctx, result.result());
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    private static void json(RoutingContext ctx, Buffer body) {
        if (ctx.response().closed()) {
            return; // the client went away while its answer was computed
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body);
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
        Advisor current = ctx.get(ADVISOR);
        String revision = (current != null ? current : advisor.get()).revision();
        if (failure.status() == 413) {
            // The rest of the body is not read: close the connection after the answer.
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        if (failure.status() == 503) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        ctx.response().setStatusCode(failure.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(failure.body(revision, ctx.get(DECISION_ID)));
    }

    private static void access(RoutingContext ctx, long start) {
        HttpServerRequest request = ctx.request();
        AccessLog.log(request.method().name(), request.path(),
                ctx.response().ended() ? ctx.response().getStatusCode() : -1, System.nanoTime() - start,
                ctx.get(DECISION_ID));
    }

    private static byte[] resource(String name) {
        try (InputStream in = AdvisorVerticle.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
