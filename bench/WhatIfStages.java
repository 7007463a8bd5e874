import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Problem;
import org.policyadvisor.Scenario;
import org.policyadvisor.json.Json;
import org.policyadvisor.render.AssessmentJson;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * CPU time per stage of a what-if, in one thread, over request bodies written by Scenarios.java: parse and
 * check, assess, render with and without explanations.
 *
 * <pre>
 * java -cp target/policy-advisor.jar bench/Scenarios.java facts 2000 /tmp/bodies.txt
 * java -cp target/policy-advisor.jar bench/WhatIfStages.java /tmp/bodies.txt 20
 * </pre>
 * The second argument is the CPU seconds measured, after 10 CPU seconds of warm-up.
 */
public final class WhatIfStages {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        // The application's logging (warnings and errors only), set up before anything logs.
        org.policyadvisor.cli.Logging.forApplication();
        Advisor advisor = Advisor.builder().packagedRules().build();
        List<String> bodies = Files.readAllLines(Path.of(args[0]));
        ScenarioReader reader = new ScenarioReader(advisor.vocabulary(), null);
        AssessmentJson renderer = new AssessmentJson(false);
        long warmEnd = cpu() + 10_000_000_000L;
        long end = warmEnd + Long.parseLong(args[1]) * 1_000_000_000L;
        long[] total = new long[4];
        long n = 0;
        boolean measuring = false;
        for (int i = 0; cpu() < end; i++) {
            if (!measuring && cpu() >= warmEnd) {
                measuring = true;
                java.util.Arrays.fill(total, 0);
                n = 0;
            }
            String body = bodies.get(i % bodies.size());
            long t0 = cpu();
            JsonNode root = Json.parse(body, "body");
            List<Problem> problems = new ArrayList<>();
            List<Fact> facts = reader.facts(root.get("facts"), "facts", problems, true);
            long t1 = cpu();
            Assessment assessment = advisor.assess(new Scenario("request", "", facts));
            long t2 = cpu();
            renderer.assessment(Map.of("decisionId", UUID.randomUUID().toString()), assessment, true);
            long t3 = cpu();
            renderer.assessment(Map.of("decisionId", UUID.randomUUID().toString()), assessment, false);
            long t4 = cpu();
            total[0] += t1 - t0;
            total[1] += t2 - t1;
            total[2] += t3 - t2;
            total[3] += t4 - t3;
            n++;
        }
        System.out.printf("%d requests: parse+check %.1f us, assess %.1f us, render full %.1f us,"
                + " render none %.1f us%n", n,
                total[0] / 1e3 / n, total[1] / 1e3 / n, total[2] / 1e3 / n, total[3] / 1e3 / n);
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
