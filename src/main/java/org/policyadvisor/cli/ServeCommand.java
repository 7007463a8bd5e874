package org.policyadvisor.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import ch.qos.logback.core.spi.LifeCycle;
import org.policyadvisor.Advisor;
import org.policyadvisor.Problem;
import org.policyadvisor.engine.RuleCheck;
import org.policyadvisor.decisions.DecisionLog;
import org.policyadvisor.http.Authoring;
import org.policyadvisor.http.Exposure;
import org.policyadvisor.http.Server;
import org.policyadvisor.http.ServerConfig;
import org.policyadvisor.reload.Reloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the what-if HTTP service; stops gracefully on SIGTERM, letting in-flight requests finish.
 * With {@code --rules DIR} it watches the directory and activates a new revision when one compiles cleanly.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve what-if answers, the rules, the vocabulary and the scenarios over HTTP (JSON under /v1).")
final class ServeCommand implements Callable<Integer> {

    /** Taken when the service starts, not when the command line is built: {@code --help} starts no logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(ServeCommand.class);
    }

    @Mixin
    Options options;

    @Option(names = "--host", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080",
            description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--facts", paramLabel = "DIR", defaultValue = "facts",
            description = "Scenarios that requests may name (default: ${DEFAULT-VALUE}).")
    Path facts;

    @Option(names = "--body-limit", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long bodyLimit;

    @Option(names = "--max-facts", paramLabel = "N", defaultValue = "1000",
            description = "Most facts per request, scenario and baseline each (default: ${DEFAULT-VALUE}).")
    int maxFacts;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0",
            description = "Threads that evaluate requests (default: one per core).")
    int workers;

    @Option(names = "--queue", paramLabel = "N",
            description = "Requests that may wait for a busy worker; beyond them a request is refused with 503 "
                    + "overloaded (default: " + ServerConfig.DEFAULT_QUEUE_PER_WORKER + " per worker).")
    Integer queue;

    @Option(names = "--event-loops", paramLabel = "N", defaultValue = "0",
            description = "Threads that accept connections, read requests and write answers (default: one per core).")
    int eventLoops;

    @Option(names = "--idle-timeout-s", paramLabel = "S", defaultValue = "30",
            description = "Close a connection idle this long (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--reload-debounce-ms", paramLabel = "MS", defaultValue = "100",
            description = "With --rules: wait this long after the last edit before rebuilding (default: ${DEFAULT-VALUE}).")
    long debounceMs;

    @Option(names = "--reload-impact-ms", paramLabel = "MS", defaultValue = "10000",
            description = "With --rules: once a new revision is active, compare it with the one it replaced over every "
                    + "scenario of --facts for at most this long; 0 turns it off. The result is shown by /v1/status "
                    + "and logged; it never keeps a revision from activating (default: ${DEFAULT-VALUE}).")
    long impactMs;

    @Option(names = "--body-budget", paramLabel = "BYTES",
            description = "Bytes of request bodies held at once over all connections; beyond, 503 overloaded "
                    + "(default: an eighth of the maximum heap, at least 4 MiB).")
    Long bodyBudget;

    @Option(names = "--receive-timeout-s", paramLabel = "S", defaultValue = "20",
            description = "Longest time to receive a whole request, headers and body; beyond, 408 and the "
                    + "connection is closed (default: ${DEFAULT-VALUE}).")
    int receiveTimeoutSeconds;

    @Option(names = "--h2c", description = "Also accept HTTP/2 without TLS (off by default).")
    boolean h2c;

    @Option(names = "--drain-s", paramLabel = "S", defaultValue = "0",
            description = "On SIGTERM, answer /ready with 503 this long before closing, so that a load balancer "
                    + "stops sending requests first (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Mixin
    ExposureOptions exposure;

    @Mixin
    DecisionLogOptions decisionLog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = workers > 0 ? workers : cores;
        ServerConfig config = new ServerConfig(host, port, facts, bodyLimit, maxFacts, threads, idleTimeoutSeconds,
                ServerConfig.DEFAULT_SHUTDOWN_SECONDS, queue != null ? queue : ServerConfig.defaultQueue(threads),
                bodyBudget != null ? bodyBudget : ServerConfig.defaultBodyBudget(), receiveTimeoutSeconds, h2c);
        if (eventLoops < 0) {
            throw new IllegalArgumentException("eventLoops must be positive, was " + eventLoops);
        }
        Exposure exposed = exposure.exposure(spec, host);
        int loops = eventLoops > 0 ? eventLoops : cores;
        DecisionLog log = decisionLog.open();
        // Listening first: /health answers at once, /ready once the rules are loaded.
        AtomicReference<Advisor> advisor = new AtomicReference<>();
        AtomicReference<Reloader> reloading = new AtomicReference<>();
        Supplier<List<Problem>> loadProblems = () -> reloading.get() == null ? List.of()
                : reloading.get().status().problems();
        Authoring authoring = options.rules == null ? Authoring.packaged()
                : Authoring.watching(options.rules, () -> reloading.get() == null ? null : reloading.get().status());
        Server server = Server.start(advisor, loadProblems, config, loops, exposed, log, authoring);
        Reloader reloader = null;
        try {
            advisor.set(options.advisor());
            if (options.rules != null) {
                reloader = new Reloader(options.rules, advisor, options.limits(), RuleCheck::lintErrors,
                        Duration.ofMillis(debounceMs), Clock.systemUTC());
                reloader.onOutcome(server.reloads());
                if (impactMs < 0) {
                    throw new IllegalArgumentException("--reload-impact-ms must not be negative, was " + impactMs);
                }
                if (impactMs > 0) {
                    reloader.impactOver(config.factsDir(), Duration.ofMillis(impactMs));
                }
                reloading.set(reloader);
                reloader.watch();
            }
        } catch (Exception | Error e) {
            server.close();
            if (log != null) {
                log.close();
            }
            throw e;
        }
        Reloader watcher = reloader;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Watchdog.start(config.shutdownSeconds() + drainSeconds + 10L);
            if (watcher != null) {
                watcher.close();
            }
            stop(server, drainSeconds);
            if (log != null) {
                log.close();
            }
        }, "policy-advisor-shutdown"));
        log().info("serving revision {} ({} rules) on {}://{}:{} with {} workers, {} waiting at most, {} event loops",
                advisor.get().revision(), advisor.get().rules().size(), exposed.tls() ? "https" : "http", host,
                server.port(), config.workers(), config.queue(), loops);
        return 0;
    }

    private static void stop(Server server, int drainSeconds) {
        server.drain();
        if (drainSeconds > 0) {
            log().info("draining: /ready answers 503 for {} s before the server closes", drainSeconds);
            try {
                Thread.sleep(drainSeconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log().info("stopping: finishing in-flight requests");
        try {
            server.close();
            log().info("stopped");
        } catch (Exception e) {
            log().warn("stopped before every request finished: {}", e.toString());
        }
        // Last: appenders that write from a thread of their own (the access log) write what they hold.
        if (LoggerFactory.getILoggerFactory() instanceof LifeCycle logging) {
            logging.stop();
        }
    }
}
