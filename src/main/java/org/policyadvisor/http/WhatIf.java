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

    private static final JsonRenderer RENDERER = new JsonRenderer(false);

    private final Path factsDir;
    private final int maxFacts;

    WhatIf(Path factsDir, int maxFacts) {
        this.factsDir = factsDir;
        this.maxFacts = maxFacts;
    }

    /** Blocking: call it on a worker thread. */
    Buffer answer(Advisor advisor, String decisionId, Buffer body, boolean explain) {
        ScenarioReader reader = new ScenarioReader(advisor.vocabulary(), factsDir);
        String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        WhatIfRequest request = WhatIfRequest.read(text, reader, maxFacts);
        Map<String, String> header = Map.of("decisionId", decisionId);
        byte[] json = request.baseline().isPresent()
                ? RENDERER.comparison(header, advisor.compare(request.baseline().get(), request.scenario()), explain)
                : RENDERER.assessment(header, advisor.assess(request.scenario()), explain);
        return Buffer.buffer(json);
    }
}
