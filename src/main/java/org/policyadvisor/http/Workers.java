package org.policyadvisor.http;

import java.util.concurrent.Callable;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The worker pool as requests use it: blocking work (parsing, evaluating and rendering, reading scenario files)
 * runs there, never on the event loop, and only after the request took a place in the pool's {@link Admission}.
 */
final class Workers {

    static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private final Admission admission;
    private final WorkerExecutor executor;
    private final Metrics metrics;

    Workers(Admission admission, WorkerExecutor executor, Metrics metrics) {
        this.admission = admission;
        this.executor = executor;
        this.metrics = metrics;
    }

    /** Takes a place in the pool for the request, or fails it with 503 {@code overloaded} when there is none. */
    boolean admit(RoutingContext ctx) {
        if (admission.enter()) {
            return true;
        }
        metrics.overloaded("queue");
        ctx.fail(RequestException.overloaded());
        return false;
    }

    /**
     * Runs blocking work of an admitted request on the pool, unordered so requests of one connection do not queue
     * behind each other, and answers its JSON; the place is given back when the work is done, however it ends.
     */
    void run(RoutingContext ctx, Callable<Buffer> work) {
        // A request whose client left while it waited is not evaluated: its answer would go nowhere.
        executor.executeBlocking(() -> ctx.response().closed() ? null : work.call(), false).onComplete(result -> {
            admission.leave();
            if (result.succeeded()) {
                json(ctx, result.result());
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    /** Answers a JSON body, unless the client went away while it was computed. */
    static void json(RoutingContext ctx, Buffer body) {
        if (ctx.response().closed() || body == null) {
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body);
    }
}
