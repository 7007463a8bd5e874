package org.policyadvisor.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, {@code METHOD /path STATUS 12.3 ms [decision=ID]}, to the logger
 * {@code org.policyadvisor.http.access}; the status is {@code closed-by-client} when the client left first.
 */
final class AccessLog {

    private static final Logger ACCESS = LoggerFactory.getLogger("org.policyadvisor.http.access");

    private AccessLog() {
    }

    static boolean enabled() {
        return ACCESS.isInfoEnabled();
    }

    /**
     * @param status     the status answered, or a negative number when the client closed the connection first
     * @param nanos      how long the request took
     * @param decisionId the decision id of an evaluation, or null
     */
    static void log(String method, String path, int status, long nanos, String decisionId) {
        ACCESS.info(line(method, path, status, nanos, decisionId));
    }

    static String line(String method, String path, int status, long nanos, String decisionId) {
        long micros = nanos / 1000;
        StringBuilder line = new StringBuilder(96).append(method).append(' ').append(path).append(' ');
        if (status < 0) {
            line.append("closed-by-client");
        } else {
            line.append(status);
        }
        line.append(' ').append(micros / 1000).append('.').append((micros / 100) % 10).append(" ms");
        if (decisionId != null) {
            line.append(" decision=").append(decisionId);
        }
        return line.toString();
    }
}
