import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hot-reload latency: edits a rule file of a directory a server watches, and times from the moment the file is
 * written to the first answer of {@code GET /v1/status} that reports the new revision (polled every 2 ms).
 *
 * <p>{@code java bench/ReloadLatency.java BASE_URL RULE_FILE ROUNDS}; prints one line per round, then the median.
 * Each edit appends a comment, so the file must be read again (its parse cache entry no longer applies).
 */
public final class ReloadLatency {

    private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        URI status = URI.create(args[0] + "/v1/status");
        Path file = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newHttpClient();
        List<Double> millis = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String before = revision(client, status);
            Files.writeString(file, "\n// edit " + round + " at " + System.nanoTime() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            long changed = System.nanoTime();
            String now = before;
            while (now.equals(before)) {
                if (System.nanoTime() - changed > 30_000_000_000L) {
                    throw new IllegalStateException("no new revision 30 s after the edit (still " + before + ")");
                }
                Thread.sleep(2);
                now = revision(client, status);
            }
            double ms = (System.nanoTime() - changed) / 1e6;
            millis.add(ms);
            System.out.printf(Locale.ROOT, "round %d: %s -> %s in %.0f ms%n", round, before, now, ms);
            Thread.sleep(1000);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        System.out.printf(Locale.ROOT, "reload median %.0f ms over %d edits (min %.0f, max %.0f)%n", median, n,
                sorted.get(0), sorted.get(n - 1));
    }

    private static String revision(HttpClient client, URI status) throws Exception {
        String body = client.send(HttpRequest.newBuilder(status).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = REVISION.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no revision in " + body);
        }
        return m.group(1);
    }
}
