package org.policyadvisor.http;

import java.util.List;

import org.policyadvisor.AdvisorException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;

/** A request the service refuses before any evaluation, with the HTTP status it answers. */
final class RequestException extends AdvisorException {

    static final String INVALID_REQUEST = "invalid_request";
    static final String TOO_MANY_FACTS = "too_many_facts";
    static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    static final String OVERLOADED = "overloaded";

    private final int status;

    RequestException(int status, String code, String message, List<Problem> problems) {
        super(code, message, problems);
        this.status = status;
    }

    static RequestException invalid(String message, Problem problem) {
        return new RequestException(400, INVALID_REQUEST, message, List.of(problem));
    }

    /** A named thing does not exist; {@code path} says which part of the request named it. */
    static RequestException notFound(String path, String message) {
        return new RequestException(404, NotFoundException.CODE, message, List.of(new Problem(path, message)));
    }

    /**
     * Made once: it is answered, never logged, and refusing must stay cheap when the server is busiest.
     */
    private static final RequestException OVERLOADED_FAILURE = new RequestException(503, OVERLOADED,
            "the server is busy: every worker is taken and the queue of waiting requests is full; retry later",
            List.of());

    /** Every worker is busy and the queue of waiting requests is full. */
    static RequestException overloaded() {
        return OVERLOADED_FAILURE;
    }

    int status() {
        return status;
    }
}
