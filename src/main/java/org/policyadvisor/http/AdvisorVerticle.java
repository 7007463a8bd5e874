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
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.policyadvisor.Advisor;
import org.policyadvisor.Problem;

/**
 * One event loop's share of the what-if HTTP service: an HTTP server with the routes of {@link AdvisorRouter}.
 * Instances of one server share the worker pool (by its name) and what {@link Shared} holds: the pool takes at
 * most {@code workers + queue} requests at once, the bodies held at most the body budget; beyond either a request
 * is answered 503 {@code overloaded} with {@code Retry-After} at once. Before the router, {@link Guard} refuses
 * what must not reach it and answers what Vert.x could not read, and {@link Connections} drops a request that takes
 * too long to arrive. {@link Server} deploys one per event loop.
 */
final class AdvisorVerticle extends VerticleBase {

    /** The shared worker pool of every instance of this verticle. */
    static final String WORKER_POOL = "policy-advisor-workers";
    /** The longest request line read (Netty's default); a longer one is 414. */
    static final int MAX_INITIAL_LINE = 4096;
    /** The most bytes of headers read (Netty's default); more is 431. */
    static final int MAX_HEADER_SIZE = 8192;

    private final AtomicReference<Advisor> advisor;
    private final Supplier<List<Problem>> loadProblems;
    private final ServerConfig config;
    private final Shared shared;
    private WorkerExecutor workers;
    private Router router;
    private HttpServer server;
    private Connections connections;
    private Guard guard;

    /**
     * @param advisor      the advisor that answers; swap it to serve other rules from the next request on; empty
     *                     until the rules are loaded
     * @param loadProblems the problems of the last attempt to load rules, shown by {@code /v1/status}
     * @param config       where to listen and the limits of requests
     * @param shared       what every instance of one server shares
     */
    AdvisorVerticle(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems, ServerConfig config,
                    Shared shared) {
        this.advisor = Objects.requireNonNull(advisor, "advisor must not be null");
        this.loadProblems = Objects.requireNonNull(loadProblems, "loadProblems must not be null");
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.shared = Objects.requireNonNull(shared, "shared must not be null");
    }

    /** One instance alone, with its own bounds, meters and decisions. */
    AdvisorVerticle(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems, ServerConfig config) {
        this(advisor, loadProblems, config, Shared.of(config));
    }

    @Override
    public Future<?> start() {
        workers = vertx.createSharedWorkerExecutor(WORKER_POOL, config.workers());
        router = new AdvisorRouter(advisor, loadProblems, config,
                new Workers(shared.admission(), workers, shared.metrics()), shared).router(vertx);
        guard = new Guard(shared.exposure().tokens());
        // What Vert.x itself fails on (a malformed Host it cannot parse, say) is the client's doing: one quiet line.
        context.exceptionHandler(Unhandled::report);
        connections = new Connections(config.receiveTimeoutSeconds(), this::timedOut);
        connections.start(vertx);
        server = vertx.createHttpServer(options(config, shared.exposure()))
                .connectionHandler(connections::opened)
                .invalidRequestHandler(this::invalid)
                // There is no WebSocket route. With a handshake handler set, Vert.x hands a request of an HTTP
                // version it does not know to the request handler (which closes the connection) instead of
                // answering a bare 501 itself.
                .webSocketHandshakeHandler(handshake -> handshake.reject(400))
                .requestHandler(this::request);
        return server.listen();
    }

    private void request(HttpServerRequest request) {
        if (request.version() == null) {
            // Not HTTP/1.0, 1.1 or 2: any answer would carry the client's own protocol text in its status line.
            shared.metrics().request("invalid", 400);
            request.connection().close();
            return;
        }
        connections.request(request);
        Failure refused = guard.check(request);
        if (refused == null) {
            router.handle(request);
            return;
        }
        shared.metrics().request("rejected", refused.status());
        refused.send(request, revision(), null, !request.isEnded());
    }

    private void invalid(HttpServerRequest request) {
        if (request.version() == null) {
            shared.metrics().request("invalid", 400);
            request.connection().close();
            return;
        }
        Failure failure = Guard.invalid(request);
        shared.metrics().request("invalid", failure.status());
        failure.send(request, revision(), null, true);
    }

    private void timedOut(HttpServerRequest request) {
        shared.metrics().request("timeout", 408);
        Connections.timeout().send(request, revision(), null, true);
    }

    private String revision() {
        Advisor current = advisor.get();
        return current == null ? null : current.revision();
    }

    /** Where to listen, TLS, HTTP/2 without TLS only when asked, and connections closed when idle. */
    static HttpServerOptions options(ServerConfig config, Exposure exposure) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setIdleTimeout(config.idleTimeoutSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(MAX_INITIAL_LINE)
                .setMaxHeaderSize(MAX_HEADER_SIZE)
                .setHttp2ClearTextEnabled(config.h2c())
                // No WebSocket route: no WebSocket extension handler in every connection's pipeline.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        if (exposure.tls()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(exposure.tlsCert().toString()).setKeyPath(exposure.tlsKey().toString()));
        }
        return options;
    }

    /** Where to listen, with no TLS. */
    static HttpServerOptions options(ServerConfig config) {
        return options(config, Exposure.none());
    }

    @Override
    public Future<?> stop() {
        if (connections != null) {
            connections.stop(vertx);
        }
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
        return shared.admission();
    }

    Shared shared() {
        return shared;
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
