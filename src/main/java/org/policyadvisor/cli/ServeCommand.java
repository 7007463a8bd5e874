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
import org.policyadvisor.http.Authoring;
import org.policyadvisor.http.Server;
import org.policyadvisor.http.ServerConfig;
import org.policyadvisor.reload.Reloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = "--reload-debounce-ms", paramLabel = "MS", defaultValue = "300",
            description = "With --rules: wait this long after the last edit before rebuilding (default: ${DEFAULT-VALUE}).")
    long debounceMs;

    @Override
    public Integer call() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = workers > 0 ? workers : cores;
        ServerConfig config = new ServerConfig(host, port, facts, bodyLimit, maxFacts, threads, idleTimeoutSeconds,
                ServerConfig.DEFAULT_SHUTDOWN_SECONDS, queue != null ? queue : ServerConfig.defaultQueue(threads));
        if (eventLoops < 0) {
            throw new IllegalArgumentException("eventLoops must be positive, was " + eventLoops);
        }
        int loops = eventLoops > 0 ? eventLoops : cores;
        AtomicReference<Advisor> advisor = new AtomicReference<>(options.advisor());
        Reloader reloader = options.rules == null ? null : new Reloader(options.rules, advisor, options.limits(),
                RuleCheck::lintErrors, Duration.ofMillis(debounceMs), Clock.systemUTC());
        Supplier<List<Problem>> loadProblems = reloader == null ? List::of : () -> reloader.status().problems();
        Authoring authoring = reloader == null ? Authoring.packaged()
                : Authoring.watching(options.rules, reloader::status);
        Server server = Server.start(advisor, loadProblems, config, loops, authoring);
        try {
            if (reloader != null) {
                reloader.watch();
            }
        } catch (Exception e) {
            server.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (reloader != null) {
                reloader.close();
            }
            stop(server);
        }, "policy-advisor-shutdown"));
        log().info("serving revision {} ({} rules) on http://{}:{} with {} workers, {} waiting at most, {} event loops",
                advisor.get().revision(), advisor.get().rules().size(), host, server.port(),
                config.workers(), config.queue(), loops);
        return 0;
    }

    private static void stop(Server server) {
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
