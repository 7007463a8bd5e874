package org.policyadvisor.http;

import java.util.List;
import java.util.regex.Pattern;

import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import org.policyadvisor.ErrorCode;
import org.policyadvisor.Problem;

/**
 * What is checked of a request before the router sees it, and the answer to a request Vert.x could not read:
 * every refusal has the one error shape. Checked here: a request line or headers Netty refused (414, 431, 400),
 * percent-escapes in the path and query, {@code Host} on HTTP/1.1, and a bearer token where tokens are required.
 */
final class Guard {

    /** A host name, IPv4 or bracketed IPv6 address, and an optional port (RFC 9110's uri-host [ ":" port ]). */
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9._~!$&'()*+,;=%-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])"
            + "(?::[0-9]{1,5})?");

    private final Tokens tokens;

    Guard(Tokens tokens) {
        this.tokens = tokens;
    }

    /** The answer to a request that Netty's decoder refused; the connection is closed after it. */
    static Failure invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        String name = cause == null ? "" : cause.getClass().getSimpleName();
        if (name.equals("TooLongHttpLineException")) {
            return Failure.expected(ErrorCode.URI_TOO_LONG, "the request line is too long; at most "
                    + AdvisorVerticle.MAX_INITIAL_LINE + " bytes are read");
        }
        if (name.equals("TooLongHttpHeaderException") || cause instanceof TooLongFrameException) {
            return Failure.expected(ErrorCode.HEADERS_TOO_LARGE, "the request headers are too large; at most "
                    + AdvisorVerticle.MAX_HEADER_SIZE + " bytes are read");
        }
        return Failure.expected(ErrorCode.INVALID_REQUEST, "malformed HTTP request");
    }

    /** The refusal of a request the router must not see, or null when it may go on. */
    Failure check(HttpServerRequest request) {
        String path = request.path();
        if (path == null || !path.startsWith("/")) {
            return Failure.expected(ErrorCode.INVALID_REQUEST, "the request target must be a path starting with '/'");
        }
        String uri = request.uri();
        int bad = badEscape(uri);
        if (bad >= 0) {
            return new Failure(400, ErrorCode.INVALID_REQUEST, "malformed percent-escape in the request target",
                    List.of(new Problem("target", "'%' at character " + bad + " is not followed by two hex digits")),
                    true);
        }
        String host = request.headers().get(HttpHeaders.HOST);
        if (request.version() == HttpVersion.HTTP_1_1 && host == null) {
            return Failure.expected(ErrorCode.INVALID_REQUEST, "an HTTP/1.1 request needs a Host header");
        }
        if (host != null && (!HOST.matcher(host).matches() || request.headers().getAll(HttpHeaders.HOST).size() > 1
                || request.authority() == null)) {
            return Failure.expected(ErrorCode.INVALID_REQUEST, "malformed Host header");
        }
        if (tokens.required() && !open(request.path()) && !tokens.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            return Failure.expected(ErrorCode.UNAUTHORIZED,
                    "this route needs a known bearer token: Authorization: Bearer TOKEN");
        }
        return null;
    }

    /** Routes a load balancer probes: answered without a token. */
    private static boolean open(String path) {
        return "/health".equals(path) || "/ready".equals(path);
    }

    /** The index of the first '%' not followed by two hex digits, or -1. */
    static int badEscape(String uri) {
        int n = uri.length();
        for (int i = 0; i < n; i++) {
            if (uri.charAt(i) == '%') {
                if (i + 2 >= n || !hex(uri.charAt(i + 1)) || !hex(uri.charAt(i + 2))) {
                    return i;
                }
                i += 2;
            }
        }
        return -1;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
