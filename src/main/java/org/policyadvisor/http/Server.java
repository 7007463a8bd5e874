package org.policyadvisor.http;

import java.net.BindException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.policyadvisor.Advisor;
import org.policyadvisor.Problem;

/**
 * The what-if HTTP service, running: started with {@link #start}, stopped with {@link #close()}, which lets
 * in-flight requests finish (up to the configured shutdown time) before it returns.
 */
public final class Server implements AutoCloseable {

    private static final long START_SECONDS = 30;

    private final Vertx vertx;
    private final ServerConfig config;
    private final int port;

    private Server(Vertx vertx, ServerConfig config, int port) {
        this.vertx = vertx;
        this.config = config;
        this.port = port;
    }

    /**
     * Listens with one event loop per {@code eventLoops}, all sharing one worker pool.
     *
     * @param advisor      the advisor that answers; swap it to serve other rules from the next request on
     * @param loadProblems the problems of the last attempt to load rules, shown by {@code /v1/status}
     * @param config       where to listen and the limits of requests
     * @param eventLoops   threads that accept connections, read requests and write answers
     * @throws IllegalStateException when the server cannot listen, e.g. because the port is taken
     */
    public static Server start(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems,
                               ServerConfig config, int eventLoops) {
        return start(advisor, loadProblems, config, eventLoops, Authoring.packaged());
    }

    /**
     * As {@link #start(AtomicReference, Supplier, ServerConfig, int)}, with what the workbench shows of the rules
     * being authored (their directory and its reloader).
     */
    public static Server start(AtomicReference<Advisor> advisor, Supplier<List<Problem>> loadProblems,
                               ServerConfig config, int eventLoops, Authoring authoring) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be positive, was " + eventLoops);
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        Admission shared = Admission.of(config);
        AtomicReference<AdvisorVerticle> first = new AtomicReference<>();
        try {
            vertx.deployVerticle(() -> {
                AdvisorVerticle verticle = new AdvisorVerticle(advisor, loadProblems, config, shared, authoring);
                first.compareAndSet(null, verticle);
                return verticle;
            }, new DeploymentOptions().setInstances(eventLoops)).await(START_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            String where = config.host() + ":" + config.port();
            if (e instanceof BindException) {
                throw new IllegalStateException("cannot listen on " + where + ": " + e.getMessage(), e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot start the server on " + where + ": " + e, e);
        }
        return new Server(vertx, config, first.get().actualPort());
    }

    /** The port the server listens on (the one picked when the configuration asked for 0). */
    public int port() {
        return port;
    }

    /**
     * Stops accepting connections, lets in-flight requests finish, and stops the threads.
     *
     * @throws IllegalStateException when requests were still running after the shutdown time, or stopping failed
     */
    @Override
    public void close() {
        long seconds = config.shutdownSeconds() + 5L;
        try {
            vertx.close().await(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("not stopped after " + seconds + " s", e);
        } catch (Exception e) {
            throw new IllegalStateException("stopping failed: " + e, e);
        }
    }
}
