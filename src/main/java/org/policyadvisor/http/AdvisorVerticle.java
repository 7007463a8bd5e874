package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.policyadvisor.Advisor;
import org.policyadvisor.Problem;

/**
 * One event loop's share of the what-if HTTP service: an HTTP server with the routes of {@link AdvisorRouter}.
 * Instances of one server share the worker pool (by its name) and its bound ({@link Admission}): the pool takes
 * at most {@code workers + queue} requests at once; beyond that a request is answered 503 {@code overloaded} with
 * {@code Retry-After} at once. {@link Server} deploys one per event loop.
 */
final class AdvisorVerticle extends VerticleBase {

    /** The shared worker pool of every instance of this verticle. */
    static final String WORKER_POOL = "policy-advisor-workers";

    private final AtomicReference<Advisor> advisor;
    private final Supplier<List<Problem>> loadProblems;
    private final ServerConfig config;
    private final Admission admission;
    private final Authoring authoring;
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
        this(advisor, loadProblems, config, admission, Authoring.packaged());
    }

    /** As above, with what the workbench shows of the rules being authored. */
    AdvisorVerticle(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems, ServerConfig config,
                    Admission admission, Authoring authoring) {
        this.authoring = Objects.requireNonNull(authoring, "authoring must not be null");
        this.advisor = Objects.requireNonNull(advisor, "advisor must not be null");
        this.loadProblems = Objects.requireNonNull(loadProblems, "loadProblems must not be null");
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.admission = Objects.requireNonNull(admission, "admission must not be null");
    }

    /** One instance alone, with its own bound on the worker pool. */
    AdvisorVerticle(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems, ServerConfig config) {
        this(advisor, loadProblems, config, Admission.of(config));
    }

    @Override
    public Future<?> start() {
        workers = vertx.createSharedWorkerExecutor(WORKER_POOL, config.workers());
        router = new AdvisorRouter(advisor, loadProblems, config, new Workers(admission, workers), authoring)
                .router(vertx);
        server = vertx.createHttpServer(options(config)).requestHandler(router);
        return server.listen();
    }

    /** Where to listen, and connections closed when idle. */
    static HttpServerOptions options(ServerConfig config) {
        return new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setIdleTimeout(config.idleTimeoutSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                // No WebSocket route: no WebSocket extension handler in every connection's pipeline.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture()
                : server.shutdown(config.shutdownSeconds(), TimeUnit.SECONDS);
        return closed.eventually(() -> workers == null ? Future.succeededFuture() : workers.close());
    }

    /** The port the server listens on, once started. */
    int actualPort() {
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
}
