package org.policyadvisor.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.render.WhyNotJsonRenderer;
import org.policyadvisor.whynot.WhyNot;

/** Answers one why-not: reads the body, asks the advisor the request started with, renders JSON. */
final class WhyNotAnswer {

    private static final WhyNotJsonRenderer RENDERER = new WhyNotJsonRenderer(false);

    private final WhatIf whatIf;
    private final int maxFacts;

    WhyNotAnswer(WhatIf whatIf, int maxFacts) {
        this.whatIf = whatIf;
        this.maxFacts = maxFacts;
    }

    /** Blocking: call it on a worker thread. */
    Buffer answer(Advisor advisor, String decisionId, Buffer body) {
        String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        WhyNotRequest request = WhyNotRequest.read(text, whatIf.reader(advisor), advisor.vocabulary(), maxFacts);
        Buffer response = Buffer.buffer(8 * 1024);
        RENDERER.answer(new BufferOutput(response), Map.of("decisionId", decisionId),
                new WhyNot(advisor, request.bounds()).ask(request.scenario(), request.consequence()));
        return response;
    }
}
