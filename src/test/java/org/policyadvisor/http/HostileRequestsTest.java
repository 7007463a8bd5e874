package org.policyadvisor.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A corpus of hostile requests: each a quick 4xx of the error shape, no leak, the server keeps serving")
class HostileRequestsTest extends HttpTestBase {

    /** A scenario folder given by its absolute path, with a malformed file in it. */
    static final Path ABSOLUTE_FACTS = absoluteFacts();

    /** What no answer may show: internals, stack traces, where the server's files are. */
    static final Pattern LEAK = Pattern.compile("Exception|\\tat |\\.java\\b|com\\.fasterxml|io\\.vertx|io\\.netty"
            + "|java\\.|StreamReadConstraints|getMax\\w*\\(|org\\.policyadvisor|" + Pattern.quote(ABSOLUTE_FACTS.toString())
            + "|" + Pattern.quote(Path.of("").toAbsolutePath().toString()));

    /**
     * The expected answer of a body that breaks off (a bad chunk size: Vert.x closes the connection at once, before
     * anything can be answered; logged at debug, not as an error), and of a request in a protocol other than HTTP/1.0
     * and 1.1 (any answer would carry the client's protocol text in its status line).
     */
    static final int CLOSED = -1;

    record Case(String name, byte[] request, int status) {
    }

    @Override
    ServerConfig config() {
        return super.config().withFactsDir(ABSOLUTE_FACTS);
    }

    @Test
    @DisplayName("at least 60 hostile requests: 0 5xx, 0 answers without the error shape, 0 leaks")
    void hostile_corpus() throws IOException {
        List<Case> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        List<String> wrong = new ArrayList<>();
        TreeMap<Integer, Integer> histogram = new TreeMap<>();
        for (Case c : corpus) {
            long start = System.nanoTime();
            RawHttp.Answer answer = RawHttp.send(verticle.actualPort(), c.request(), 10_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            histogram.merge(answer.status(), 1, Integer::sum);
            String problem = judge(c, answer);
            if (problem == null && millis > 3000) {
                problem = "took " + millis + " ms";
            }
            if (problem != null) {
                wrong.add(c.name() + ": " + problem + " | " + answer.status() + " " + answer.headers() + " "
                        + abbreviate(answer.body()));
            }
        }
        assertThat(wrong).as("histogram " + histogram).isEmpty();
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(post("/v1/what-if", "{\"facts\": [" + FACT_PRECISION + "]}").statusCode()).isEqualTo(200);
    }

    /** Null when the answer is right for the case, else what is wrong with it. */
    static String judge(Case c, RawHttp.Answer answer) {
        if (answer.status() < 0) {
            return c.status() == CLOSED ? null : "no answer";
        }
        if (answer.status() >= 500) {
            return "a 5xx";
        }
        if (c.status() != 0 && answer.status() != c.status()) {
            return "expected " + c.status();
        }
        if (LEAK.matcher(answer.body()).find()) {
            return "a leak";
        }
        if (answer.status() >= 400) {
            String type = answer.header("content-type");
            if (type == null || !type.startsWith("application/json")) {
                return "no JSON content type";
            }
            try {
                JsonObject body = new JsonObject(answer.body());
                if (body.getString("code") == null || body.getString("message") == null
                        || body.getJsonArray("errors") == null) {
                    return "not the error shape";
                }
            } catch (RuntimeException e) {
                return "not JSON";
            }
        }
        return null;
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        // Percent-escapes that do not decode, in paths and queries.
        cases.add(get("bad escape in a rule id", "/v1/rules/%zz", 400));
        cases.add(get("lone percent in a scenario name", "/v1/scenarios/%", 400));
        cases.add(get("lone percent in a query", "/v1/graph?format=%", 400));
        cases.add(post("bad escape in explain", "/v1/what-if?explain=%zz&explain=full", "{}", 400));
        cases.add(get("lone percent on an unknown route", "/%", 400));
        cases.add(get("one hex digit", "/v1/rules/%e", 400));
        cases.add(get("escape of a non-UTF-8 byte", "/v1/rules/%ff", 0));
        cases.add(get("escaped NUL", "/v1/rules/%00", 0));
        cases.add(get("escaped traversal", "/v1/scenarios/..%2f..%2fetc%2fpasswd", 0));
        cases.add(get("dot segments", "/v1/scenarios/../../etc/passwd", 0));
        cases.add(get("escaped dots", "/v1/scenarios/%2e%2e", 0));
        // Host.
        cases.add(raw("HTTP/1.1 without Host", "GET /health HTTP/1.1\r\n\r\n", 400));
        cases.add(raw("HTTP/1.1 without Host, unknown route", "GET /nothing HTTP/1.1\r\n\r\n", 400));
        cases.add(raw("HTTP/1.1 without Host, what-if", "POST /v1/what-if HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: 2\r\n\r\n{}", 400));
        cases.add(raw("Host with colons", "GET /v1/rules HTTP/1.1\r\nHost: ::::::::\r\n\r\n", 400));
        cases.add(raw("Host with brackets", "GET /v1/rules HTTP/1.1\r\nHost: localhos]]]]t\r\n\r\n", 400));
        cases.add(raw("Host with a space", "GET /v1/scenarios/base HTTP/1.1\r\nHost: lnection: close\r\n\r\n", 400));
        cases.add(raw("Host of Latin-1", "GET /v1/rules HTTP/1.1\r\nHost: local\u00d9ost\r\n\r\n", 400));
        cases.add(raw("two Host headers", "GET /v1/rules HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400));
        // Too long.
        cases.add(get("request line of 10 KB", "/v1/graph?format=" + "a".repeat(10_000), 414));
        cases.add(get("rule id of 8000 characters", "/v1/rules/" + "r".repeat(8000), 414));
        cases.add(raw("a header of 20 KB", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                + "\r\n\r\n", 431));
        StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 10_000; i++) {
            many.append("X-").append(i).append(": 1\r\n");
        }
        cases.add(raw("10,000 headers", many + "\r\n", 431));
        // Malformed HTTP.
        cases.add(raw("header line without a colon", "GET /health HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n", 400));
        cases.add(raw("HTTP/0.9", "GET /health\r\n\r\n", 400));
        cases.add(raw("garbage request line", "\u0001\u0002garbage!!\r\n\r\n", 400));
        cases.add(raw("binary request line", "\u00ff\u00fe\u0000 / HTTP/1.1\r\nHost: x\r\n\r\n", 400));
        cases.add(raw("two different Content-Length", "POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: "
                + "application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400));
        cases.add(raw("negative Content-Length", "POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: "
                + "application/json\r\nContent-Length: -5\r\n\r\n{}", 400));
        cases.add(raw("Content-Length not a number", "POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: "
                + "application/json\r\nContent-Length: abc\r\n\r\n{}", 400));
        cases.add(raw("bad chunk size", "POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", CLOSED));
        cases.add(raw("Content-Length and chunked", "POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: "
                + "application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 0));
        cases.add(raw("unknown HTTP version", "GET /health HTTP/9.9\r\nHost: x\r\n\r\n", CLOSED));
        cases.add(raw("unknown protocol", "GET /health XTTP/1.1\r\nHost: x\r\n\r\n", CLOSED));
        cases.add(raw("lower-case method", "get /health HTTP/1.1\r\nHost: x\r\n\r\n", 0));
        cases.add(raw("unknown method", "FOO /health HTTP/1.1\r\nHost: x\r\n\r\n", 405));
        cases.add(raw("space in the target", "GET /v1/rules/a b HTTP/1.1\r\nHost: x\r\n\r\n", 400));
        cases.add(raw("CR inside a header value", "GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", 400));
        cases.add(raw("folded header", "GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  b\r\n\r\n", 0));
        cases.add(raw("target without a path", "POST ?explain=none HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 400));
        cases.add(raw("target not starting with a slash", "GET health HTTP/1.1\r\nHost: x\r\n\r\n", 400));
        cases.add(raw("asterisk target", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", 400));
        cases.add(raw("absolute-form target", "GET http://elsewhere/health HTTP/1.1\r\nHost: x\r\n\r\n", 0));
        // Bodies.
        cases.add(post("a number of 2000 digits", "/v1/what-if", "{\"facts\": [], \"description\": " + "9".repeat(2000)
                + "}", 400));
        cases.add(post("a key of 60,000 characters", "/v1/what-if", "{\"" + "k".repeat(60_000) + "\": 1}", 400));
        cases.add(bytes("latin1 body", "/v1/what-if", "application/json; charset=latin1",
                concat("{\"facts\": [], \"description\": \"caf".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {(byte) 0xe9}, "\"}".getBytes(StandardCharsets.US_ASCII)), 415));
        cases.add(bytes("utf-16 declared", "/v1/what-if", "application/json; charset=utf-16", "{}".getBytes(
                StandardCharsets.UTF_16), 415));
        cases.add(bytes("invalid UTF-8", "/v1/what-if", "application/json", concat("{\"facts\": [], \"description\": \""
                .getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xff, (byte) 0xfe}, "\"}".getBytes(
                StandardCharsets.US_ASCII)), 400));
        cases.add(bytes("overlong UTF-8 slash", "/v1/what-if", "application/json", concat(
                "{\"facts\": [], \"description\": \"".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xc0, (byte) 0xaf}, "\"}".getBytes(StandardCharsets.US_ASCII)), 400));
        cases.add(bytes("UTF-8 encoded surrogate", "/v1/what-if", "application/json", concat(
                "{\"facts\": [], \"description\": \"".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "\"}".getBytes(StandardCharsets.US_ASCII)), 400));
        cases.add(bytes("truncated UTF-8", "/v1/what-if", "application/json", concat(
                "{\"facts\": [], \"description\": \"".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xe2, (byte) 0x82}, "\"}".getBytes(StandardCharsets.US_ASCII)), 400));
        cases.add(post("nesting 10,000 deep", "/v1/what-if", "[".repeat(10_000), 400));
        cases.add(post("empty body", "/v1/what-if", "", 400));
        cases.add(post("null body", "/v1/what-if", "null", 400));
        cases.add(post("unclosed object", "/v1/what-if", "{", 400));
        cases.add(post("duplicate key", "/v1/what-if", "{\"facts\": [], \"facts\": []}", 400));
        cases.add(post("trailing garbage", "/v1/what-if", "{\"facts\": []}x", 400));
        cases.add(post("NUL in a string", "/v1/what-if", "{\"facts\": [], \"description\": \"a\u0000b\"}", 400));
        cases.add(post("huge exponent", "/v1/what-if", "{\"facts\": [1e999999999]}", 0));
        cases.add(raw("body over the limit, declared", "POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: "
                + "application/json\r\nContent-Length: 2000000\r\n\r\n{", 413));
        cases.add(chunked("body over the limit, in chunks", "x".repeat(1024 * 1024 + 10), 413));
        cases.add(raw("Expect 100-continue over the limit", "POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: "
                + "application/json\r\nExpect: 100-continue\r\nContent-Length: 5000000\r\n\r\n", 413));
        cases.add(bytes("text/plain", "/v1/what-if", "text/plain", "{}".getBytes(StandardCharsets.UTF_8), 415));
        cases.add(raw("no content type", "POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", 415));
        cases.add(post("too many facts", "/v1/what-if", "{\"facts\": [" + "{\"type\": \"X\"},".repeat(1500)
                + "{\"type\": \"X\"}]}", 422));
        cases.add(post("unknown fact type", "/v1/what-if", "{\"facts\": [{\"type\": \"Nope\"}]}", 422));
        cases.add(post("a long string value", "/v1/what-if", "{\"facts\": [{\"type\": \"ArmsTransfer\", \"supplier\": \""
                + "s".repeat(100_000) + "\"}]}", 422));
        cases.add(bytes("byte order mark", "/v1/what-if", "application/json", concat(new byte[] {(byte) 0xef,
                (byte) 0xbb, (byte) 0xbf}, "{\"facts\": []}".getBytes(StandardCharsets.UTF_8)), 0));
        cases.add(post("explain of another value", "/v1/what-if?explain=maybe", "{\"facts\": []}", 400));
        // Why-not.
        cases.add(post("why-not consequence of 100,000 spaces", "/v1/why-not", "{\"facts\": [], \"consequence\": "
                + "\"AidRestraintLifted(actor=x" + " ".repeat(100_000) + "y)\"}", 422));
        cases.add(post("why-not consequence of many parentheses", "/v1/why-not", "{\"facts\": [], \"consequence\": \""
                + "A" + "(".repeat(1500) + ")".repeat(400) + "\"}", 422));
        cases.add(post("why-not unclosed quote", "/v1/why-not", "{\"facts\": [], \"consequence\": \"A(x=\\\"y)\"}", 422));
        cases.add(post("why-not empty consequence", "/v1/why-not", "{\"facts\": [], \"consequence\": \"\"}", 0));
        cases.add(post("why-not depth 1000", "/v1/why-not", "{\"facts\": [], \"consequence\": \"A\", \"depth\": 1000}",
                400));
        cases.add(post("why-not negative maxSets", "/v1/why-not", "{\"facts\": [], \"consequence\": \"A\", "
                + "\"maxSets\": -1}", 400));
        // Routes.
        cases.add(get("a long unknown rule id", "/v1/rules/" + "r".repeat(3000), 404));
        cases.add(get("an unknown route", "/nothing/here", 404));
        cases.add(raw("DELETE on what-if", "DELETE /v1/what-if HTTP/1.1\r\nHost: x\r\n\r\n", 405));
        cases.add(raw("PUT on health", "PUT /health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405));
        cases.add(get("GET on what-if", "/v1/what-if", 405));
        cases.add(get("an unknown graph format", "/v1/graph?format=svg", 400));
        cases.add(get("an unknown decision", "/v1/decisions/nothing", 404));
        // A malformed file in a scenario folder given by its absolute path.
        cases.add(get("a malformed scenario file", "/v1/scenarios/broken", 0));
        cases.add(post("a malformed scenario file by name", "/v1/what-if", "{\"scenario\": \"broken\"}", 0));
        cases.add(get("the scenarios with a malformed one", "/v1/scenarios", 200));
        cases.add(get("the status, which names the scenario folder", "/v1/status", 200));
        cases.add(get("the authoring report, with the malformed scenario's test", "/v1/authoring", 200));
        cases.add(post("a malformed scenario file as baseline", "/v1/what-if", "{\"facts\": [], \"baseline\": \"broken\"}",
                0));
        return cases;
    }

    static Case get(String name, String target, int status) {
        return raw(name, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n", status);
    }

    static Case post(String name, String target, String json, int status) {
        return bytes(name, target, "application/json", json.getBytes(StandardCharsets.UTF_8), status);
    }

    static Case bytes(String name, String target, String type, byte[] body, int status) {
        byte[] head = ("POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return new Case(name, concat(head, body), status);
    }

    static Case chunked(String name, String body, int status) {
        StringBuilder r = new StringBuilder("POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < body.length(); i += 8192) {
            String part = body.substring(i, Math.min(body.length(), i + 8192));
            r.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        }
        return raw(name, r + "0\r\n\r\n", status);
    }

    static Case raw(String name, String request, int status) {
        return new Case(name, request.getBytes(StandardCharsets.ISO_8859_1), status);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() < 300 ? text : text.substring(0, 300) + "...";
    }

    private static Path absoluteFacts() {
        try {
            Path dir = Fixtures.tempDir("hostile-facts").toAbsolutePath();
            try (var files = Files.list(FACTS)) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            Files.writeString(dir.resolve("broken.json"), "{\"facts\": [\n  {\"type\": }\n]}");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
