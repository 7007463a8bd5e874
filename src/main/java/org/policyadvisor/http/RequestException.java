package org.policyadvisor.http;

import java.util.List;

import org.policyadvisor.AdvisorException;
import org.policyadvisor.ErrorCode;
import org.policyadvisor.Problem;

/** A request the service refuses before any evaluation; its code carries the HTTP status it answers. */
final class RequestException extends AdvisorException {

    /**
     * Made once: it is answered, never logged, and refusing must stay cheap when the server is busiest.
     */
    private static final RequestException OVERLOADED_FAILURE = new RequestException(ErrorCode.OVERLOADED,
            "the server is busy: every worker is taken and the queue of waiting requests is full; retry later",
            List.of());

    RequestException(ErrorCode code, String message, List<Problem> problems) {
        super(code, message, problems);
    }

    static RequestException invalid(String message, Problem problem) {
        return new RequestException(ErrorCode.INVALID_REQUEST, message, List.of(problem));
    }

    /** A named thing does not exist; {@code path} says which part of the request named it. */
    static RequestException notFound(String path, String message) {
        return new RequestException(ErrorCode.NOT_FOUND, message, List.of(new Problem(path, message)));
    }

    /** Every worker is busy and the queue of waiting requests is full. */
    static RequestException overloaded() {
        return OVERLOADED_FAILURE;
    }
}
