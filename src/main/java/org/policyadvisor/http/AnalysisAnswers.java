package org.policyadvisor.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.EvaluationLimitException;
import org.policyadvisor.Problem;
import org.policyadvisor.analysis.BatchWhatIf;
import org.policyadvisor.analysis.Progress;
import org.policyadvisor.analysis.Sensitivity;
import org.policyadvisor.analysis.Sweep;
import org.policyadvisor.render.AssessmentJson;
import org.policyadvisor.render.SensitivityRenderer;
import org.policyadvisor.render.SweepRenderer;

/**
 * Answers the analysis routes: {@code POST /v1/sensitivity}, {@code /v1/sweep} and {@code /v1/what-if/batch}.
 * Each is one request on one worker thread, under the limits of a what-if: the body limit, at most
 * {@code maxFacts} facts per list, the advisor's firing cap and time limit for every evaluation, and that time
 * limit again for the request as a whole ({@code evaluation_limit} when it runs out).
 */
final class AnalysisAnswers {

    private static final AssessmentJson RENDERER = new AssessmentJson(false);
    private static final SensitivityRenderer SENSITIVITY = new SensitivityRenderer();
    private static final SweepRenderer SWEEP = new SweepRenderer();

    private final WhatIf whatIf;
    private final int maxFacts;

    AnalysisAnswers(WhatIf whatIf, int maxFacts) {
        this.whatIf = whatIf;
        this.maxFacts = maxFacts;
    }

    /** Blocking: call it on a worker thread. */
    Buffer sensitivity(Advisor advisor, String decisionId, Buffer body) {
        var scenario = AnalysisRequest.sensitivity(text(body), whatIf.reader(advisor), maxFacts);
        var report = new Sensitivity(advisor).progress(deadline(advisor)).of(scenario);
        return Buffer.buffer(SENSITIVITY.json(Map.of("decisionId", decisionId), report, false));
    }

    /** Blocking: call it on a worker thread. */
    Buffer sweep(Advisor advisor, String decisionId, Buffer body) {
        var request = AnalysisRequest.sweep(text(body), whatIf.reader(advisor), maxFacts);
        var result = Sweep.of(advisor, request.scenario(), request.vary()).threads(1).progress(deadline(advisor))
                .run();
        return Buffer.buffer(SWEEP.json(Map.of("decisionId", decisionId), result, false));
    }

    /** Blocking: call it on a worker thread. Any scenario that fails fails the request. */
    Buffer batch(Advisor advisor, String decisionId, Buffer body) {
        var request = AnalysisRequest.batch(text(body), whatIf.reader(advisor), maxFacts);
        BatchWhatIf batch = new BatchWhatIf(advisor).threads(1).progress(deadline(advisor));
        if (request.baseline().isPresent()) {
            batch = batch.baseline(request.baseline().get());
        }
        Buffer out = Buffer.buffer(16 * 1024 * request.scenarios().size());
        out.appendString("{\"decisionId\":").appendString(quoted(decisionId)).appendString(",\"revision\":")
                .appendString(quoted(advisor.revision())).appendString(",\"answers\":[");
        List<BatchWhatIf.Answer> answers = batch.run(request.scenarios());
        for (BatchWhatIf.Answer a : answers) {
            if (a.failed()) {
                throw a.error();
            }
            Map<String, String> header = new LinkedHashMap<>();
            header.put("scenario", a.name());
            out.appendString(a.index() == 0 ? "" : ",");
            out.appendBytes(a.comparison() != null ? RENDERER.comparison(header, a.comparison(), true)
                    : RENDERER.assessment(header, a.assessment(), true));
        }
        return out.appendString("]}");
    }

    /** Fails the request once the advisor's time limit has passed since it started. */
    private static Progress deadline(Advisor advisor) {
        Duration limit = advisor.limits().timeout();
        long end = System.nanoTime() + limit.toNanos();
        return (done, total) -> {
            if (System.nanoTime() > end) {
                throw new EvaluationLimitException("the request exceeded its time limit of " + limit.toMillis()
                        + " ms", List.of(new Problem("", "evaluated " + done + " of " + total)));
            }
        };
    }

    private static String text(Buffer body) {
        return body == null ? "" : body.toString(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
