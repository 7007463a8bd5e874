package org.policyadvisor.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the HTTP service listens and what it accepts. Every limit has a safe default.
 *
 * @param host                  the address to bind; loopback unless told otherwise
 * @param port                  the port; 0 picks a free one
 * @param factsDir              where the scenarios named in requests live
 * @param bodyLimit             the largest request body accepted, in bytes
 * @param maxFacts              the most facts one request may assert (per list: scenario and baseline)
 * @param workers               threads of the pool that parses, evaluates and renders what-if requests
 * @param idleTimeoutSeconds    an idle connection is closed after this many seconds
 * @param shutdownSeconds       on stop, in-flight requests get this long to finish
 * @param queue                 requests that may wait for a worker when every worker is busy; one more is refused
 *                              with 503 {@code overloaded}; 0 refuses any request no worker can take at once
 * @param bodyBudget            the bytes of request bodies the server holds at once, over every connection; a body
 *                              that does not fit is refused with 503 {@code overloaded}
 * @param receiveTimeoutSeconds the longest time to receive a whole request, headers and body; a slower one is
 *                              answered 408 {@code request_timeout} and its connection closed
 * @param h2c                   whether HTTP/2 without TLS (h2c) is accepted; off by default
 */
public record ServerConfig(String host, int port, Path factsDir, long bodyLimit, int maxFacts, int workers,
                           int idleTimeoutSeconds, int shutdownSeconds, int queue, long bodyBudget,
                           int receiveTimeoutSeconds, boolean h2c) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_BODY_LIMIT = 1024 * 1024;
    public static final int DEFAULT_MAX_FACTS = 1000;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_SHUTDOWN_SECONDS = 10;
    public static final int DEFAULT_RECEIVE_TIMEOUT_SECONDS = 20;
    /**
     * Requests that may wait per worker, by default. An evaluation takes from a fraction of a millisecond to a few,
     * so a full queue drains in tens of milliseconds: clients with some dozens of requests in flight are served,
     * and a backlog beyond that is refused at once instead of growing without bound.
     */
    public static final int DEFAULT_QUEUE_PER_WORKER = 64;

    public ServerConfig {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(factsDir, "factsDir must not be null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (shutdownSeconds < 0) {
            throw new IllegalArgumentException("shutdownSeconds must not be negative, was " + shutdownSeconds);
        }
        if (queue < 0) {
            throw new IllegalArgumentException("queue must not be negative, was " + queue);
        }
        positive("bodyLimit", bodyLimit);
        positive("maxFacts", maxFacts);
        positive("workers", workers);
        positive("idleTimeoutSeconds", idleTimeoutSeconds);
        positive("bodyBudget", bodyBudget);
        positive("receiveTimeoutSeconds", receiveTimeoutSeconds);
    }

    /** With the default queue, body budget and receive time, and no h2c. */
    public ServerConfig(String host, int port, Path factsDir, long bodyLimit, int maxFacts, int workers,
                        int idleTimeoutSeconds, int shutdownSeconds) {
        this(host, port, factsDir, bodyLimit, maxFacts, workers, idleTimeoutSeconds, shutdownSeconds,
                defaultQueue(workers));
    }

    /** With the default body budget and receive time, and no h2c. */
    public ServerConfig(String host, int port, Path factsDir, long bodyLimit, int maxFacts, int workers,
                        int idleTimeoutSeconds, int shutdownSeconds, int queue) {
        this(host, port, factsDir, bodyLimit, maxFacts, workers, idleTimeoutSeconds, shutdownSeconds, queue,
                defaultBodyBudget(), DEFAULT_RECEIVE_TIMEOUT_SECONDS, false);
    }

    /** The defaults: loopback, port 8080, scenarios from {@code facts/}, one worker per core. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Path.of("facts"), DEFAULT_BODY_LIMIT, DEFAULT_MAX_FACTS,
                Runtime.getRuntime().availableProcessors(), DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_SHUTDOWN_SECONDS);
    }

    /** The queue a pool of this many workers gets by default. */
    public static int defaultQueue(int workers) {
        return DEFAULT_QUEUE_PER_WORKER * Math.max(workers, 1);
    }

    /**
     * The body budget by default: an eighth of the heap the JVM may use (32 MiB at {@code -Xmx256m}), at least
     * 4 MiB. A body's share is taken before any of it is read, so the bodies held never exceed it.
     */
    public static long defaultBodyBudget() {
        return Math.max(4L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, factsDir, bodyLimit, maxFacts, workers, idleTimeoutSeconds,
                shutdownSeconds, queue, bodyBudget, receiveTimeoutSeconds, h2c);
    }

    public ServerConfig withFactsDir(Path dir) {
        return new ServerConfig(host, port, dir, bodyLimit, maxFacts, workers, idleTimeoutSeconds, shutdownSeconds,
                queue, bodyBudget, receiveTimeoutSeconds, h2c);
    }

    public ServerConfig withBodyLimit(long bytes) {
        return new ServerConfig(host, port, factsDir, bytes, maxFacts, workers, idleTimeoutSeconds, shutdownSeconds,
                queue, bodyBudget, receiveTimeoutSeconds, h2c);
    }

    public ServerConfig withMaxFacts(int n) {
        return new ServerConfig(host, port, factsDir, bodyLimit, n, workers, idleTimeoutSeconds, shutdownSeconds,
                queue, bodyBudget, receiveTimeoutSeconds, h2c);
    }

    /** This many workers and at most {@code waiting} requests waiting for one. */
    public ServerConfig withWorkers(int n, int waiting) {
        return new ServerConfig(host, port, factsDir, bodyLimit, maxFacts, n, idleTimeoutSeconds, shutdownSeconds,
                waiting, bodyBudget, receiveTimeoutSeconds, h2c);
    }

    public ServerConfig withBodyBudget(long bytes) {
        return new ServerConfig(host, port, factsDir, bodyLimit, maxFacts, workers, idleTimeoutSeconds,
                shutdownSeconds, queue, bytes, receiveTimeoutSeconds, h2c);
    }

    public ServerConfig withReceiveTimeoutSeconds(int seconds) {
        return new ServerConfig(host, port, factsDir, bodyLimit, maxFacts, workers, idleTimeoutSeconds,
                shutdownSeconds, queue, bodyBudget, seconds, h2c);
    }

    public ServerConfig withIdleTimeoutSeconds(int seconds) {
        return new ServerConfig(host, port, factsDir, bodyLimit, maxFacts, workers, seconds, shutdownSeconds,
                queue, bodyBudget, receiveTimeoutSeconds, h2c);
    }

    public ServerConfig withH2c(boolean on) {
        return new ServerConfig(host, port, factsDir, bodyLimit, maxFacts, workers, idleTimeoutSeconds,
                shutdownSeconds, queue, bodyBudget, receiveTimeoutSeconds, on);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
