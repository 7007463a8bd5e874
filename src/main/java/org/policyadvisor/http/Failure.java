package org.policyadvisor.http;

import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.HttpException;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.EvaluationLimitException;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.MalformedInputException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleFailedException;

/**
 * The one error shape, {@code {"code", "message", "errors": [{"path", "message"}]}}, and the HTTP status
 * of each stable code. A rule whose action failed is {@code rule_failed} (500, naming the rule and the error);
 * any other unexpected exception becomes {@code internal_error} with no detail.
 *
 * @param expected false for a failure the service did not foresee, which is logged with its stack trace
 */
record Failure(int status, String code, String message, List<Problem> problems, boolean expected) {

    static final String NOT_FOUND = NotFoundException.CODE;
    static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    static final String BODY_TOO_LARGE = "body_too_large";
    static final String INTERNAL_ERROR = "internal_error";

    /** The failure of a request: a thrown exception, or a bare status set by the router or a handler. */
    static Failure of(Throwable thrown, int status, String method, String path, long bodyLimit) {
        if (thrown instanceof RequestException e) {
            return new Failure(e.status(), e.code(), e.getMessage(), e.problems(), true);
        }
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
        int status = switch (e.code()) {
            case MalformedInputException.CODE -> 400;
            case NotFoundException.CODE -> 404;
            case InvalidFactsException.CODE, EvaluationLimitException.CODE -> 422;
            default -> 500;
        };
        if (e instanceof RuleFailedException) {
            // The rules are at fault: 500, logged with its cause, and the answer says which rule failed and how.
            return new Failure(500, e.code(), e.getMessage(), e.problems(), false);
        }
        return status == 500 ? internal() : new Failure(status, e.code(), e.getMessage(), e.problems(), true);
    }

    private static Failure ofStatus(int status, String method, String path, long bodyLimit) {
        return switch (status) {
            case 404 -> expected(404, NOT_FOUND, "no route for " + method + " " + path);
            case 405 -> expected(405, METHOD_NOT_ALLOWED, method + " is not allowed on " + path);
            case 413 -> expected(413, BODY_TOO_LARGE, "request body exceeds the limit of " + bodyLimit + " bytes");
            case 415 -> expected(415, RequestException.UNSUPPORTED_MEDIA_TYPE,
                    "expected Content-Type application/json");
            default -> status >= 400 && status < 500
                    ? expected(status, RequestException.INVALID_REQUEST, "the request cannot be handled")
                    : internal();
        };
    }

    private static Failure expected(int status, String code, String message) {
        return new Failure(status, code, message, List.of(), true);
    }

    private static Failure internal() {
        return new Failure(500, INTERNAL_ERROR, "internal error", List.of(), false);
    }

    /** The body; {@code decisionId} may be null when the request was not an evaluation. */
    Buffer body(String revision, String decisionId) {
        return JsonBody.object(g -> {
            g.writeStringField("code", code);
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
