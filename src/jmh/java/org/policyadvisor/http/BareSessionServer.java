package org.policyadvisor.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fact;
import org.policyadvisor.cli.Logging;
import org.policyadvisor.engine.BareSessions;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * The what-if server with one more route, for the HTTP benchmark only: the service's routes ({@link AdvisorRouter})
 * in verticles of this benchmark's own, with {@code POST /bench/bare-session} added. That route takes a
 * what-if body of the benchmark's file and runs a bare Drools session of the same KieBase on its facts (new
 * session, insert, fire, dispose) on the same worker pool, answering {@code {"firings": N}}. The facts of every
 * body are read and built into session objects before the server starts, so the route costs the session and
 * the HTTP exchange alone: what any what-if that opens a session per request costs at the least. The
 * facts are those {@code assess} inserts (checked, canonical, distinct), on the rule base the what-if route uses.
 *
 * <p>{@code BareSessionServer RULES_DIR FACTS_DIR BODIES_FILE PORT EVENT_LOOPS WORKERS} (0 for one per core).
 * Prints the same start line as {@code serve}, on standard error.
 */
public final class BareSessionServer {

    static final String ROUTE = "/bench/bare-session";

    private BareSessionServer() {
    }

    public static void main(String[] args) throws Exception {
        // Logging as serve has it, configured before anything logs.
        Logging.forApplication();
        BareSessions sessions = BareSessions.build(Path.of(args[0]));
        Path facts = Path.of(args[1]);
        Advisor advisor = sessions.advisor();
        Map<String, List<Fact>> prepared = prepare(sessions, facts, Path.of(args[2]));
        int cores = Runtime.getRuntime().availableProcessors();
        int loops = orCores(Integer.parseInt(args[4]), cores);
        int workers = orCores(Integer.parseInt(args[5]), cores);
        ServerConfig config = ServerConfig.defaults().withPort(Integer.parseInt(args[3])).withFactsDir(facts)
                .withWorkers(workers, ServerConfig.defaultQueue(workers));

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        AtomicReference<Advisor> served = new AtomicReference<>(advisor);
        Shared shared = Shared.of(config);
        AtomicReference<Verticle> first = new AtomicReference<>();
        vertx.deployVerticle(() -> {
            Verticle verticle = new Verticle(served, config, shared, prepared, sessions);
            first.compareAndSet(null, verticle);
            return verticle;
        }, new DeploymentOptions().setInstances(loops)).await(30, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().await(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("stopped before every request finished: " + e);
            }
        }));
        System.err.printf("serving revision %s (%d rules) on http://%s:%d with %d workers, %d event loops, "
                        + "and %s for %d bodies%n", advisor.revision(), advisor.rules().size(), config.host(),
                first.get().server.actualPort(), workers, loops, ROUTE, prepared.size());
    }

    /** {@code n}, or the number of cores when it is 0 (or less). */
    private static int orCores(int n, int cores) {
        return n > 0 ? n : cores;
    }

    /** The facts of each body of the file, read as the what-if route reads a body. */
    private static Map<String, List<Fact>> prepare(BareSessions sessions, Path facts, Path bodies)
            throws Exception {
        ScenarioReader reader = new ScenarioReader(sessions.advisor().vocabulary(), facts);
        Map<String, List<Fact>> prepared = new HashMap<>();
        for (String body : Files.readAllLines(bodies)) {
            if (body.isBlank()) {
                continue;
            }
            WhatIfRequest request = WhatIfRequest.read(body, reader, ServerConfig.DEFAULT_MAX_FACTS);
            prepared.put(body, sessions.facts(request.scenario()));
        }
        return prepared;
    }

    /** The service's routes and the bare-session route, on one event loop, with the service's worker pool. */
    private static final class Verticle extends VerticleBase {

        private final AtomicReference<Advisor> advisor;
        private final ServerConfig config;
        private final Shared shared;
        private final Map<String, List<Fact>> prepared;
        private final BareSessions sessions;
        private WorkerExecutor workers;
        private HttpServer server;

        Verticle(AtomicReference<Advisor> advisor, ServerConfig config, Shared shared,
                 Map<String, List<Fact>> prepared, BareSessions sessions) {
            this.advisor = advisor;
            this.config = config;
            this.shared = shared;
            this.prepared = prepared;
            this.sessions = sessions;
        }

        @Override
        public Future<?> start() {
            workers = vertx.createSharedWorkerExecutor(AdvisorVerticle.WORKER_POOL, config.workers());
            Router router = new AdvisorRouter(advisor, List::of, config,
                    new Workers(shared.admission(), workers, shared.metrics()), shared)
                    .router(vertx);
            router.post(ROUTE).handler(BodyHandler.create(false)).handler(this::bareSession);
            server = vertx.createHttpServer(AdvisorVerticle.options(config)).requestHandler(router);
            return server.listen();
        }

        @Override
        public Future<?> stop() {
            return server.shutdown(config.shutdownSeconds(), TimeUnit.SECONDS).eventually(() -> workers.close());
        }

        private void bareSession(RoutingContext ctx) {
            List<Fact> facts = prepared.get(ctx.body().asString());
            if (facts == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            workers.executeBlocking(() -> sessions.run(facts), false).onComplete(done -> answer(ctx, done.result(),
                    done.cause()));
        }
    }

    private static void answer(RoutingContext ctx, Integer firings, Throwable failure) {
        if (failure != null) {
            ctx.fail(failure);
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end("{\"firings\":" + firings + "}");
    }
}
