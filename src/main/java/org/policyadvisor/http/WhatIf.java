package org.policyadvisor.http;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;


import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Comparison;
import org.policyadvisor.decisions.Decision;
import org.policyadvisor.render.AssessmentJson;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * Answers one what-if: reads the body ({@link WhatIfRequest}, which reports every problem with its JSON path),
 * evaluates with the advisor the request started with, renders JSON, and records the decision.
 */
final class WhatIf {

    private static final AssessmentJson RENDERER = new AssessmentJson(false);

    /** The reader of the last advisor seen; an advisor swapped in gets a new one on its first request. */
    private record Reader(Advisor advisor, ScenarioReader reader) {
    }

    private final Path factsDir;
    private final int maxFacts;
    private final Metrics metrics;
    private final Decisions decisions;
    private volatile Reader last;

    WhatIf(Path factsDir, int maxFacts, Metrics metrics, Decisions decisions) {
        this.factsDir = factsDir;
        this.maxFacts = maxFacts;
        this.metrics = metrics;
        this.decisions = decisions;
    }

    /** Blocking: call it on a worker thread. */
    Buffer answer(Advisor served, String decisionId, Buffer body, boolean explain) {
        long start = System.nanoTime();
        WhatIfRequest request = WhatIfRequest.read(Utf8.decode(body), reader(served), maxFacts);
        Advisor advisor = request.restrict(served);
        Map<String, String> header = Map.of("decisionId", decisionId);
        Assessment assessment;
        Buffer response;
        if (request.baseline().isPresent()) {
            Comparison comparison = advisor.compare(request.baseline().get(), request.scenario());
            assessment = comparison.scenario();
            response = Buffer.buffer(explain ? 48 * 1024 : 8 * 1024);
            RENDERER.comparison(new BufferOutput(response), header, comparison, explain);
        } else {
            assessment = advisor.assess(request.scenario());
            // Room for the usual answer (about 18 KiB with explanations on the baseline), so the buffer seldom grows.
            response = Buffer.buffer(explain ? 32 * 1024 : 4 * 1024);
            RENDERER.assessment(new BufferOutput(response), header, assessment, explain);
        }
        long nanos = System.nanoTime() - start;
        metrics.evaluation("what-if", nanos);
        metrics.firings(assessment);
        decisions.record(new Decision(decisionId, Instant.now(), "what-if", assessment.revision(),
                request.scenario().facts(), request.baseline().map(b -> b.facts()), "", "",
                assessment.consequences().stream().map(c -> new Decision.Outcome(c.fact(), c.likelihood())).toList(),
                List.copyOf(assessment.rulesUsed()), nanos / 1000));
        return response;
    }

    ScenarioReader reader(Advisor advisor) {
        Reader current = last;
        if (current == null || current.advisor() != advisor) {
            current = new Reader(advisor, ScenarioReader.serving(advisor.vocabulary(), factsDir));
            last = current;
        }
        return current.reader();
    }

}
