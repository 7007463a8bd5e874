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
 * -cp target/benchmarks.jar org.policyadvisor.http.WhatIfProfile BODIES SECONDS [none]}.
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
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            Buffer body = Buffer.buffer(bodies.get((int) (n % bodies.size())));
            whatIf.answer(advisor, DecisionIds.next(), body, explain);
            n++;
        }
        System.out.printf("%d answers, %.1f us each%n", n, (System.nanoTime() - start) / 1000.0 / n);
    }
}
