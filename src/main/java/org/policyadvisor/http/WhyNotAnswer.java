package org.policyadvisor.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.decisions.Decision;
import org.policyadvisor.render.WhyNotJsonRenderer;
import org.policyadvisor.whynot.Answer;
import org.policyadvisor.whynot.WhyNot;

/** Answers one why-not: reads the body, asks the advisor the request started with, renders JSON, records it. */
final class WhyNotAnswer {

    private static final WhyNotJsonRenderer RENDERER = new WhyNotJsonRenderer(false);

    private final WhatIf whatIf;
    private final int maxFacts;
    private final Metrics metrics;
    private final Decisions decisions;

    WhyNotAnswer(WhatIf whatIf, int maxFacts, Metrics metrics, Decisions decisions) {
        this.whatIf = whatIf;
        this.maxFacts = maxFacts;
        this.metrics = metrics;
        this.decisions = decisions;
    }

    /** Blocking: call it on a worker thread. */
    Buffer answer(Advisor advisor, String decisionId, Buffer body) {
        long start = System.nanoTime();
        WhyNotRequest request = WhyNotRequest.read(Utf8.decode(body), whatIf.reader(advisor), advisor.vocabulary(),
                maxFacts);
        Answer answer = new WhyNot(advisor, request.bounds()).ask(request.scenario(), request.consequence());
        Buffer response = Buffer.buffer(8 * 1024);
        RENDERER.answer(new BufferOutput(response), Map.of("decisionId", decisionId), answer);
        long nanos = System.nanoTime() - start;
        metrics.evaluation("why-not", nanos);
        decisions.record(new Decision(decisionId, Instant.now(), "why-not", answer.revision(),
                request.scenario().facts(), Optional.empty(), answer.target().toString(), answer.status().word(),
                List.of(), answer.rules().stream().map(c -> c.rule().id()).distinct().sorted().toList(),
                nanos / 1000));
        return response;
    }
}
