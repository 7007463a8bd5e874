package org.policyadvisor.http;

import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.policyadvisor.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body within the limits: its share of the server's {@link Budget} is taken before any byte is
 * read (503 {@code overloaded} when it does not fit), a body over the limit is refused (413) as soon as that is
 * known, and a body that breaks off (a bad chunk size, a reset) is answered 400 if it still can be, logged at
 * debug, never as an error. The body is then in the context under {@link #BODY}.
 */
final class BodyReader {

    static final String BODY = "body";
    private static final Logger LOG = LoggerFactory.getLogger(BodyReader.class);

    private final long limit;
    private final Budget budget;
    private final Metrics metrics;

    BodyReader(long limit, Budget budget, Metrics metrics) {
        this.limit = limit;
        this.budget = budget;
        this.metrics = metrics;
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            ctx.put(BODY, Buffer.buffer());
            ctx.next();
            return;
        }
        long declared = declared(request);
        if (declared > limit) {
            request.pause();
            ctx.fail(413);
            return;
        }
        long share = declared >= 0 ? declared : limit;
        if (!budget.take(share)) {
            request.pause(); // nothing of the body is read: the connection closes after the answer
            metrics.overloaded("body_bytes");
            ctx.fail(RequestException.overloaded());
            return;
        }
        AtomicBoolean given = new AtomicBoolean();
        Runnable giveBack = () -> {
            if (given.compareAndSet(false, true)) {
                budget.give(share);
            }
        };
        ctx.addEndHandler(done -> giveBack.run());
        Buffer body = Buffer.buffer((int) Math.min(share, 64 * 1024));
        AtomicBoolean failed = new AtomicBoolean();
        request.handler(chunk -> {
            if (failed.get()) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                failed.set(true);
                ctx.fail(413);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            LOG.debug("{} {}: the body broke off: {}", request.method(), request.path(), e.toString());
            if (failed.compareAndSet(false, true)) {
                giveBack.run();
                if (!ctx.response().headWritten() && !ctx.response().closed()) {
                    ctx.fail(new RequestException(ErrorCode.INVALID_REQUEST, "malformed request body",
                            java.util.List.of()));
                }
            }
        });
        request.endHandler(v -> {
            if (!failed.get()) {
                ctx.put(BODY, body);
                ctx.next();
            }
        });
        request.resume();
    }

    /** The declared Content-Length, or -1 when the body comes in chunks (Netty refuses a malformed one). */
    private static long declared(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    static Buffer body(RoutingContext ctx) {
        Buffer body = ctx.get(BODY);
        return body == null ? Buffer.buffer() : body;
    }
}
