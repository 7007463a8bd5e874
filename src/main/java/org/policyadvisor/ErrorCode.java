package org.policyadvisor;

/**
 * The stable codes of failures, each with the HTTP status the service answers it with. The {@link #text()} is
 * what programs see ({@code invalid_facts}); it never changes for a code.
 */
public enum ErrorCode {

    /** The input is not well-formed JSON. */
    MALFORMED_JSON("malformed_json", 400),
    /** The request is not of the expected shape (unknown key, wrong kind of value, bad query parameter). */
    INVALID_REQUEST("invalid_request", 400),
    /** The route needs a bearer token and the request has none, or not one the server knows. */
    UNAUTHORIZED("unauthorized", 401),
    /** A named thing (scenario, rule, route, decision) does not exist. */
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    /** The whole request (headers and body) did not arrive within the time allowed. */
    REQUEST_TIMEOUT("request_timeout", 408),
    BODY_TOO_LARGE("body_too_large", 413),
    /** The request line is longer than the server reads. */
    URI_TOO_LONG("uri_too_long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    /** The headers are larger than the server reads. */
    HEADERS_TOO_LARGE("headers_too_large", 431),
    /** The facts do not fit the vocabulary; nothing was evaluated. */
    INVALID_FACTS("invalid_facts", 422),
    TOO_MANY_FACTS("too_many_facts", 422),
    /** An evaluation exceeded its firing cap or its time limit. */
    EVALUATION_LIMIT("evaluation_limit", 422),
    /** A rule's action failed while an evaluation ran: the rules are at fault. */
    RULE_FAILED("rule_failed", 500),
    /** The rules do not compile or lack metadata; the service answers it as {@link #INTERNAL_ERROR}. */
    INVALID_RULES("invalid_rules", 500),
    INTERNAL_ERROR("internal_error", 500),
    /** Every worker is busy and the queue of waiting requests is full, or the budget of body bytes is spent. */
    OVERLOADED("overloaded", 503),
    /** The server is starting (no rules loaded yet) or draining before it stops. */
    NOT_READY("not_ready", 503);

    private final String text;
    private final int status;

    ErrorCode(String text, int status) {
        this.text = text;
        this.status = status;
    }

    /** The code as programs see it, e.g. {@code invalid_facts}. */
    public String text() {
        return text;
    }

    /** The HTTP status the service answers with. */
    public int status() {
        return status;
    }
}
