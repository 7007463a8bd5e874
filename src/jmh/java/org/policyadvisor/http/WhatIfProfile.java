package org.policyadvisor.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.decisions.DecisionRing;

/**
 * What-if answers in one thread, as the service computes them ({@link WhatIf#answer}), over request bodies written
 * by {@code bench/Scenarios.java}, for a profile: {@code java -XX:StartFlightRecording=filename=w.jfr
 * -cp target/benchmarks.jar org.policyadvisor.http.WhatIfProfile BODIES SECONDS [none]}. It prints
 * the time per answer over the second half of the run, once the JIT has compiled the path.
 */
public final class WhatIfProfile {

    private WhatIfProfile() {
    }

    public static void main(String[] a) throws java.io.IOException {
        org.policyadvisor.cli.Logging.forApplication();
        Advisor advisor = Advisor.builder().packagedRules().build();
        List<String> bodies = Files.readAllLines(Path.of(a[0]));
        Metrics metrics = new Metrics();
        WhatIf whatIf = new WhatIf(Path.of("facts"), 1000, metrics, new Decisions(new DecisionRing(), null, metrics));
        long seconds = Long.parseLong(a[1]);
        boolean explain = a.length < 3 || !a[2].equals("none");
        long start = System.nanoTime();
        long half = start + seconds * 500_000_000L;
        long end = start + seconds * 1_000_000_000L;
        long n = 0;
        long measured = 0;
        long from = 0;
        while (System.nanoTime() < end) {
            Buffer body = Buffer.buffer(bodies.get((int) (n % bodies.size())));
            whatIf.answer(advisor, DecisionIds.next(), body, explain);
            n++;
            if (from == 0 && System.nanoTime() >= half) {
                from = System.nanoTime();
                measured = n;
            }
        }
        System.out.printf("%d answers, %.1f us each in the second half of the run%n", n,
                (System.nanoTime() - from) / 1000.0 / (n - measured));
    }
}
