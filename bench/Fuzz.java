import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A bounded mutation fuzz of the HTTP service over raw sockets: seeds (valid what-if and why-not bodies from the
 * scenario files, read-only routes, hostile requests) are mutated (bytes flipped, inserted, deleted, repeated,
 * truncated; headers and request lines bent) and sent, one request a connection, from several threads, until the
 * time is up. A request cut short (a body shorter than its Content-Length, say) is half-closed at once, and may be
 * answered or {@code closed}; a whole one is waited for (30 s at most, else {@code timeout}), so no client has more
 * than one request in flight. Prints a histogram of statuses and counts answers that are 5xx, lack the error shape, or leak
 * internals; exits 1 if any. Run by bench/fuzz.sh, which starts and stops the server.
 *
 *   java bench/Fuzz.java PORT SECONDS THREADS FACTS_DIR [SEED]
 */
public class Fuzz {

    static final Pattern LEAK = Pattern.compile("Exception|\\tat |\\.java\\b|com\\.fasterxml|io\\.vertx|io\\.netty"
            + "|java\\.|StreamReadConstraints|getMax\\w*\\(|org\\.policyadvisor|/home/|/root/|/work/|/tmp/");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        Path facts = Path.of(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        List<byte[]> seeds = seeds(facts);
        Map<String, AtomicLong> histogram = new ConcurrentHashMap<>();
        List<String> bad = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong sent = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 1000 + t);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    byte[] request = mutate(seeds.get(random.nextInt(seeds.size())), random);
                    String outcome = send(port, request, bad);
                    histogram.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                    sent.incrementAndGet();
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("requests: " + sent.get() + " in " + seconds + " s from " + threads + " threads, "
                + seeds.size() + " seeds");
        new TreeMap<>(histogram).forEach((k, v) -> System.out.printf("  %-10s %,d%n", k, v.get()));
        System.out.println("wrong answers (5xx, no error shape, leak): " + bad.size());
        bad.stream().limit(10).forEach(b -> System.out.println("  " + b));
        System.exit(bad.isEmpty() ? 0 : 1);
    }

    static String send(int port, byte[] request, List<String> bad) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // answered and closed before everything was sent: read the answer
            }
            // A request cut short (headers unfinished, a body shorter than its Content-Length, chunks without their
            // end) waits for the rest until the receive timeout of the server: say at once that nothing more comes
            // (half-close). A complete one is waited for, so that no client has more than one request in flight.
            InputStream in = socket.getInputStream();
            if (!complete(request)) {
                socket.shutdownOutput();
            }
            socket.setSoTimeout(30_000);
            int first = in.read();
            String[] answer = first < 0 ? null : read(in, first);
            if (answer == null) {
                return "closed";
            }
            int status = Integer.parseInt(answer[0]);
            if (status == 999) {
                bad.add("not HTTP: " + abbreviate(answer[1]));
                return "not-http";
            }
            String problem = status >= 500 ? "5xx" : LEAK.matcher(answer[2]).find() ? "leak"
                    : status >= 400 && !(answer[1].contains("content-type: application/json")
                    && answer[2].contains("\"code\":\"") && answer[2].contains("\"errors\":")) ? "no error shape" : null;
            if (problem != null) {
                bad.add(problem + ": " + status + " for " + abbreviate(new String(request, StandardCharsets.ISO_8859_1))
                        + " -> " + abbreviate(answer[2]));
            }
            return String.valueOf(status);
        } catch (java.net.SocketTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return "closed";
        }
    }

    /** Whether the request is whole: headers ended, and a body of its Content-Length or a last chunk. */
    static boolean complete(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String head = text.substring(0, split).toLowerCase();
        int body = request.length - split - 4;
        if (head.contains("transfer-encoding: chunked")) {
            return text.endsWith("0\r\n\r\n");
        }
        java.util.regex.Matcher length = Pattern.compile("content-length: *(\\d{1,9})").matcher(head);
        return !length.find() || Integer.parseInt(length.group(1)) <= body;
    }

    /** Status, lower-cased headers and body of one answer, or null when the connection closed without one. */
    static String[] read(InputStream in, int first) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(first);
        int last = first;
        while (last != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last = (last << 8) | b;
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase();
        if (!headers.matches("(?s)http/1\\.[01] \\d{3}.*")) {
            return new String[] {"999", headers, ""};
        }
        String status = headers.substring(9, 12);
        int at = headers.indexOf("content-length:");
        byte[] body;
        if (at >= 0) {
            int end = headers.indexOf('\r', at);
            body = in.readNBytes(Integer.parseInt(headers.substring(at + 15, end).trim()));
        } else {
            body = new byte[0];
        }
        return new String[] {status, headers, new String(body, StandardCharsets.UTF_8)};
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed;
        int rounds = random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            out = once(out, random);
        }
        return out;
    }

    static byte[] once(byte[] in, Random random) {
        if (in.length == 0) {
            return in;
        }
        int at = random.nextInt(in.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
        switch (random.nextInt(9)) {
            case 0 -> { // flip a byte
                byte[] copy = in.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
            case 1 -> { // insert bytes
                out.write(in, 0, at);
                for (int i = random.nextInt(8) + 1; i > 0; i--) {
                    out.write(random.nextInt(256));
                }
                out.write(in, at, in.length - at);
            }
            case 2 -> { // delete a run
                int n = Math.min(in.length - at, random.nextInt(16) + 1);
                out.write(in, 0, at);
                out.write(in, at + n, in.length - at - n);
            }
            case 3 -> { // repeat a run
                int n = Math.min(in.length - at, random.nextInt(64) + 1);
                out.write(in, 0, at + n);
                for (int i = random.nextInt(50) + 1; i > 0; i--) {
                    out.write(in, at, n);
                }
                out.write(in, at + n, in.length - at - n);
            }
            case 4 -> out.write(in, 0, at); // truncate
            case 5 -> { // an interesting token
                String[] tokens = {"%", "%zz", "%00", "%ff", "\r\n", "\n", "\u0000", "\"", "\\", "{", "[", "]]]]",
                    "99999999999999999999999", "-1", "1e999", "\u00c0\u00af", "\u00ed\u00a0\u0080", "HTTP/9.9",
                    "Content-Length: 5\r\n", "Transfer-Encoding: chunked\r\n", "Host: a\r\nHost: b\r\n", "..", "/"};
                out.write(in, 0, at);
                out.writeBytes(tokens[random.nextInt(tokens.length)].getBytes(StandardCharsets.ISO_8859_1));
                out.write(in, at, in.length - at);
            }
            case 6 -> { // a long run of one byte
                out.write(in, 0, at);
                byte b = in[at];
                for (int i = random.nextInt(20_000); i > 0; i--) {
                    out.write(b);
                }
                out.write(in, at, in.length - at);
            }
            case 7 -> { // change the case of a byte
                byte[] copy = in.clone();
                copy[at] = (byte) (Character.isUpperCase(copy[at]) ? Character.toLowerCase(copy[at])
                        : Character.toUpperCase(copy[at]));
                return copy;
            }
            default -> { // fix the Content-Length again after the body changed, half of the time
                return random.nextBoolean() ? relength(in) : in;
            }
        }
        return out.toByteArray();
    }

    /** Sets Content-Length to the length of what follows the headers. */
    static byte[] relength(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return request;
        }
        int length = request.length - split - 4;
        String head = text.substring(0, split).replaceAll("(?i)content-length: *\\d+", "Content-Length: " + length);
        return (head + text.substring(split)).getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<byte[]> seeds(Path facts) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (var files = Files.list(facts)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().replace(".json", "");
                names.add(name);
                String text = Files.readString(f);
                int at = text.indexOf("\"facts\"");
                if (at >= 0) {
                    int start = text.indexOf('[', at);
                    int end = text.indexOf(']', start);
                    if (start > 0 && end > start) {
                        String factsJson = text.substring(start, end + 1);
                        seeds.add(post("/v1/what-if", "{\"facts\": " + factsJson + "}"));
                        seeds.add(post("/v1/what-if?explain=none", "{\"facts\": " + factsJson + ", \"baseline\": \""
                                + name + "\"}"));
                        seeds.add(post("/v1/why-not", "{\"facts\": " + factsJson + ", \"consequence\": "
                                + "\"AidRestraintLifted(actor=KOR)\"}"));
                    }
                }
                seeds.add(post("/v1/what-if", "{\"scenario\": \"" + name + "\"}"));
                seeds.add(get("/v1/scenarios/" + name));
            }
        }
        for (String path : List.of("/health", "/ready", "/v1/rules", "/v1/vocabulary", "/v1/graph?format=mermaid",
                "/v1/status", "/v1/scenarios", "/v1/openapi.yaml", "/v1/decisions/none", "/v1/rules/x")) {
            seeds.add(get(path));
        }
        seeds.add("GET /health HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        seeds.add(("POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: "
                + "chunked\r\n\r\n5\r\n{\"fac\r\n9\r\nts\": []}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        seeds.add(post("/v1/why-not", "{\"facts\": [], \"consequence\": \"AidRestraintLifted(actor=x"
                + " ".repeat(5000) + "y)\"}"));
        return seeds;
    }

    static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    static String abbreviate(String s) {
        String flat = s.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() < 200 ? flat : flat.substring(0, 200) + "...";
    }
}
