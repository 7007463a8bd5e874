package org.policyadvisor.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the HTTP service listens and what it accepts. Every limit has a safe default.
 *
 * @param host               the address to bind; loopback unless told otherwise
 * @param port               the port; 0 picks a free one
 * @param factsDir           where the scenarios named in requests live
 * @param bodyLimit          the largest request body accepted, in bytes
 * @param maxFacts           the most facts one request may assert (per list: scenario and baseline)
 * @param workers            threads of the pool that parses, evaluates and renders what-if requests
 * @param idleTimeoutSeconds an idle connection is closed after this many seconds
 * @param shutdownSeconds    on stop, in-flight requests get this long to finish
 */
public record ServerConfig(String host, int port, Path factsDir, long bodyLimit, int maxFacts, int workers,
                           int idleTimeoutSeconds, int shutdownSeconds) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_BODY_LIMIT = 1024 * 1024;
    public static final int DEFAULT_MAX_FACTS = 1000;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_SHUTDOWN_SECONDS = 10;

    public ServerConfig {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(factsDir, "factsDir must not be null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (shutdownSeconds < 0) {
            throw new IllegalArgumentException("shutdownSeconds must not be negative, was " + shutdownSeconds);
        }
        positive("bodyLimit", bodyLimit);
        positive("maxFacts", maxFacts);
        positive("workers", workers);
        positive("idleTimeoutSeconds", idleTimeoutSeconds);
    }

    /** The defaults: loopback, port 8080, scenarios from {@code facts/}, one worker per core. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Path.of("facts"), DEFAULT_BODY_LIMIT, DEFAULT_MAX_FACTS,
                Runtime.getRuntime().availableProcessors(), DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_SHUTDOWN_SECONDS);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, factsDir, bodyLimit, maxFacts, workers, idleTimeoutSeconds,
                shutdownSeconds);
    }

    public ServerConfig withFactsDir(Path dir) {
        return new ServerConfig(host, port, dir, bodyLimit, maxFacts, workers, idleTimeoutSeconds, shutdownSeconds);
    }

    public ServerConfig withBodyLimit(long bytes) {
        return new ServerConfig(host, port, factsDir, bytes, maxFacts, workers, idleTimeoutSeconds, shutdownSeconds);
    }

    public ServerConfig withMaxFacts(int n) {
        return new ServerConfig(host, port, factsDir, bodyLimit, n, workers, idleTimeoutSeconds, shutdownSeconds);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
