package org.policyadvisor.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Comparison;
import org.policyadvisor.render.AssessmentJson;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * Answers one what-if: reads the body ({@link WhatIfRequest}, which reports every problem with its JSON path),
 * evaluates with the advisor the request started with, renders JSON.
 */
final class WhatIf {

    private static final AssessmentJson RENDERER = new AssessmentJson(false);

    /** The reader of the last advisor seen; an advisor swapped in gets a new one on its first request. */
    private record Reader(Advisor advisor, ScenarioReader reader) {
    }

    private final Path factsDir;
    private final int maxFacts;
    private volatile Reader last;

    WhatIf(Path factsDir, int maxFacts) {
        this.factsDir = factsDir;
        this.maxFacts = maxFacts;
    }

    /** Blocking: call it on a worker thread. */
    Buffer answer(Advisor advisor, String decisionId, Buffer body, boolean explain) {
        return answer(advisor, decisionId, WhatIfRequest.read(text(body), reader(advisor), maxFacts), explain);
    }

    private static Buffer answer(Advisor served, String decisionId, WhatIfRequest request, boolean explain) {
        Map<String, String> header = Map.of("decisionId", decisionId);
        Advisor advisor = request.restrict(served);
        if (request.baseline().isPresent()) {
            Comparison comparison = advisor.compare(request.baseline().get(), request.scenario());
            Buffer response = Buffer.buffer(explain ? 48 * 1024 : 8 * 1024);
            RENDERER.comparison(new BufferOutput(response), header, comparison, explain);
            return response;
        }
        Assessment assessment = advisor.assess(request.scenario());
        // Room for the usual answer (about 18 KiB with explanations on the baseline), so the buffer seldom grows.
        Buffer response = Buffer.buffer(explain ? 32 * 1024 : 4 * 1024);
        RENDERER.assessment(new BufferOutput(response), header, assessment, explain);
        return response;
    }

    private static String text(Buffer body) {
        return body == null ? "" : body.toString(StandardCharsets.UTF_8);
    }

    ScenarioReader reader(Advisor advisor) {
        Reader current = last;
        if (current == null || current.advisor() != advisor) {
            current = new Reader(advisor, new ScenarioReader(advisor.vocabulary(), factsDir));
            last = current;
        }
        return current.reader();
    }
}
