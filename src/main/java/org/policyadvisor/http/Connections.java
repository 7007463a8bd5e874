package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import org.policyadvisor.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limit on the time to receive a request: an HTTP/1 connection that has spent longer than the receive timeout
 * on its request line, headers and body (counted from the connection's start or the end of its previous answer)
 * is answered 408 {@code request_timeout}, when a request began, and closed. A client sending one byte a second is
 * dropped, not only a silent one (that is the idle timeout). One instance per event loop, used on it only.
 */
final class Connections {

    private static final long SWEEP_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    /** One connection: since when it is receiving, and the request it is on. */
    private static final class Watch {
        long since;
        HttpServerRequest current;

        Watch(long since) {
            this.since = since;
        }
    }

    private final Map<HttpConnection, Watch> watches = new IdentityHashMap<>();
    private final long limitNanos;
    private final Failures failures;
    private long timer = -1;

    /** What answers a timed-out request. */
    interface Failures {
        void timedOut(HttpServerRequest request);
    }

    Connections(int receiveTimeoutSeconds, Failures failures) {
        this.limitNanos = TimeUnit.SECONDS.toNanos(receiveTimeoutSeconds);
        this.failures = failures;
    }

    void start(Vertx vertx) {
        timer = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep(System.nanoTime()));
    }

    void stop(Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** A new connection starts receiving now. */
    void opened(HttpConnection connection) {
        Watch watch = new Watch(System.nanoTime());
        watches.put(connection, watch);
        connection.closeHandler(v -> watches.remove(connection));
        // A request that breaks off (a bad chunk size, a reset) is the client's doing: debug, not an error.
        connection.exceptionHandler(e -> LOG.debug("connection from {}: {}", connection.remoteAddress(), e.toString()));
    }

    /** A request's headers arrived on its connection. */
    void request(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            watches.remove(request.connection()); // streams of their own; the idle timeout covers the connection
            return;
        }
        Watch watch = watches.get(request.connection());
        if (watch != null) {
            watch.current = request;
        }
    }

    int open() {
        return watches.size();
    }

    private void sweep(long now) {
        for (Map.Entry<HttpConnection, Watch> entry : new ArrayList<>(watches.entrySet())) {
            Watch watch = entry.getValue();
            HttpServerRequest current = watch.current;
            if (current != null) {
                if (current.response().ended() || current.response().closed()) {
                    // Answered: the next request is being received from now on.
                    watch.current = null;
                    watch.since = now;
                    continue;
                }
                if (current.isEnded()) {
                    continue; // received whole; being answered
                }
            }
            if (now - watch.since > limitNanos) {
                watches.remove(entry.getKey());
                if (current != null && !current.response().headWritten()) {
                    failures.timedOut(current);
                } else {
                    entry.getKey().close();
                }
            }
        }
    }

    static Failure timeout() {
        return Failure.expected(ErrorCode.REQUEST_TIMEOUT, "the request did not arrive within the time allowed");
    }
}
