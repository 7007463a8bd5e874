package org.policyadvisor.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.render.JsonRenderer;
import org.policyadvisor.scenario.ScenarioReader;

/** Answers one what-if: reads the body, evaluates with the advisor the request started with, renders JSON. */
final class WhatIf {

    /** Shared by every request: it keeps the JSON of each rule, written once. */
    private static final JsonRenderer RENDERER = new JsonRenderer(false);

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
        String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        WhatIfRequest request = WhatIfRequest.read(text, reader(advisor), maxFacts);
        Map<String, String> header = Map.of("decisionId", decisionId);
        Buffer response = Buffer.buffer(explain ? 16 * 1024 : 4 * 1024);
        BufferOutput out = new BufferOutput(response);
        if (request.baseline().isPresent()) {
            RENDERER.comparison(out, header, advisor.compare(request.baseline().get(), request.scenario()), explain);
        } else {
            RENDERER.assessment(out, header, advisor.assess(request.scenario()), explain);
        }
        return response;
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
