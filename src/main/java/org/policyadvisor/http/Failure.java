package org.policyadvisor.http;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.handler.HttpException;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.ErrorCode;
import org.policyadvisor.Problem;

/**
 * The one error shape, {@code {"code", "message", "errors": [{"path", "message"}]}}, answered with the HTTP status
 * of its {@link ErrorCode}. A rule whose action failed is {@code rule_failed} (500, naming the rule and the error);
 * any other unexpected exception becomes {@code internal_error} with no detail.
 *
 * @param status   the HTTP status: the code's, except for a bare client error status of the router
 * @param expected false for a failure the service did not foresee, which is logged with its stack trace
 */
record Failure(int status, ErrorCode code, String message, List<Problem> problems, boolean expected) {

    /** How long, and how many body bytes, a refused request is read and discarded before its connection closes. */
    private static final long LINGER_MS = 2_000;
    private static final long LINGER_BYTES = 8L * 1024 * 1024;

    /** The failure of a request: a thrown exception, or a bare status set by the router or a handler. */
    static Failure of(Throwable thrown, int status, String method, String path, long bodyLimit) {
        if (thrown instanceof AdvisorException e) {
            return ofAdvisor(e);
        }
        if (thrown instanceof HttpException e) {
            return ofStatus(e.getStatusCode(), method, path, bodyLimit);
        }
        if (thrown != null) {
            return internal();
        }
        return ofStatus(status, method, path, bodyLimit);
    }

    private static Failure ofAdvisor(AdvisorException e) {
        ErrorCode code = e.code();
        return switch (code) {
            // The rules are at fault: 500, logged with its cause, and the answer says which rule failed and how.
            case RULE_FAILED -> new Failure(code.status(), code, e.getMessage(), e.problems(), false);
            // Nothing a client can act on: no detail.
            case INVALID_RULES, INTERNAL_ERROR -> internal();
            default -> new Failure(code.status(), code, e.getMessage(), e.problems(), true);
        };
    }

    private static Failure ofStatus(int status, String method, String path, long bodyLimit) {
        return switch (status) {
            case 404 -> expected(ErrorCode.NOT_FOUND, "no route for " + method + " " + Failure.shown(path));
            case 405 -> expected(ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed on " + Failure.shown(path));
            case 408 -> expected(ErrorCode.REQUEST_TIMEOUT, "the request did not arrive in time");
            case 414 -> expected(ErrorCode.URI_TOO_LONG, "the request line is too long");
            case 431 -> expected(ErrorCode.HEADERS_TOO_LARGE, "the request headers are too large");
            case 413 -> expected(ErrorCode.BODY_TOO_LARGE, "request body exceeds the limit of " + bodyLimit + " bytes");
            case 415 -> expected(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "expected Content-Type application/json");
            default -> status >= 400 && status < 500
                    ? new Failure(status, ErrorCode.INVALID_REQUEST, "the request cannot be handled", List.of(), true)
                    : internal();
        };
    }

    /** A path as messages show it: at most 200 characters. */
    static String shown(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "...";
    }

    static Failure expected(ErrorCode code, String message) {
        return new Failure(code.status(), code, message, List.of(), true);
    }

    private static Failure internal() {
        return new Failure(500, ErrorCode.INTERNAL_ERROR, "internal error", List.of(), false);
    }

    /**
     * Answers this failure on a request the router may never have seen. A refusal before the body was read closes
     * the connection after the answer ({@code Connection: close} over HTTP/1; HTTP/2 forbids that header).
     */
    void send(HttpServerRequest request, String revision, String decisionId, boolean close) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        if (close && http1) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        if (status == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Workers.JSON)
                .end(body(revision, decisionId)).onComplete(done -> {
                    if (close && http1 && status == 413) {
                        closeAfterLingering(request);
                    } else if (close && http1) {
                        request.connection().close();
                    }
                });
    }

    /**
     * For a body refused as too large, whose client is likely to be an honest one: closes the connection once the
     * client stopped sending, or after {@link #LINGER_MS} or {@link #LINGER_BYTES}
     * of body discarded, whichever comes first. Closing a socket with unread bytes resets it, and the reset can
     * destroy the answer before the client reads it. An overloaded server (503) closes at once instead: it sheds
     * work rather than read bodies it will not use.
     */
    private static void closeAfterLingering(HttpServerRequest request) {
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        Context context = Vertx.currentContext();
        AtomicLong discarded = new AtomicLong();
        Runnable close = () -> request.connection().close();
        request.handler(chunk -> {
            if (discarded.addAndGet(chunk.length()) > LINGER_BYTES) {
                close.run();
            }
        });
        request.endHandler(v -> close.run());
        request.exceptionHandler(e -> close.run());
        if (context != null) {
            context.owner().setTimer(LINGER_MS, id -> close.run());
        }
        request.resume();
    }

    /** The body; {@code decisionId} may be null when the request was not an evaluation. */
    Buffer body(String revision, String decisionId) {
        return JsonBody.object(g -> {
            g.writeStringField("code", code.text());
            g.writeStringField("message", message);
            Documents.problems(g, "errors", problems);
            if (revision != null) {
                g.writeStringField("revision", revision);
            }
            if (decisionId != null) {
                g.writeStringField("decisionId", decisionId);
            }
        });
    }
}
