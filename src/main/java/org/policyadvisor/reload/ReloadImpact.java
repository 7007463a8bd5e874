package org.policyadvisor.reload;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.policyadvisor.analysis.ImpactReport;
import org.policyadvisor.analysis.ScenarioImpact;

/**
 * What activating a revision did to the scenarios of the facts directory, computed by the reloader just after it
 * swapped the revision in: the revision replaced and the one activated, the folder, when and how long it took, and
 * the {@link ImpactReport}, or why it could not be computed ({@code reason}: a failure, or the time limit), or
 * neither while it is being computed ({@link #pending()}). The impact is information: a revision that passed the
 * checks is activated whatever it says, and answers before its impact is known.
 */
public record ReloadImpact(String oldRevision, String newRevision, Path facts, Instant at, Duration took,
                           ImpactReport report, String reason) {

    public ReloadImpact {
        Objects.requireNonNull(oldRevision, "oldRevision must not be null");
        Objects.requireNonNull(newRevision, "newRevision must not be null");
        Objects.requireNonNull(facts, "facts must not be null");
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(took, "took must not be null");
        if (report != null && reason != null) {
            throw new IllegalArgumentException("a report and a reason cannot both be given");
        }
    }

    static ReloadImpact pending(String oldRevision, String newRevision, Path facts, Instant at) {
        return new ReloadImpact(oldRevision, newRevision, facts, at, Duration.ZERO, null, null);
    }

    static ReloadImpact computed(Path facts, Instant at, Duration took, ImpactReport report) {
        return new ReloadImpact(report.oldRevision(), report.newRevision(), facts, at, took, report, null);
    }

    static ReloadImpact notComputed(String oldRevision, String newRevision, Path facts, Instant at, Duration took,
                                    String reason) {
        return new ReloadImpact(oldRevision, newRevision, facts, at, took, null, reason);
    }

    /** True when the impact was computed; false while it is {@link #pending()} or when {@link #reason()} says why not. */
    public boolean computed() {
        return report != null;
    }

    /** True while the impact is being computed: the revision is active, and neither report nor reason is known yet. */
    public boolean pending() {
        return report == null && reason == null;
    }

    /**
     * One line for people: {@code revision a -> b: 3 scenarios change, 5 consequences added, 1 removed, 2 changed,
     * 0 regressions}, or why the impact was not computed, or that it is being computed.
     */
    public String summaryLine() {
        String revisions = "revision " + oldRevision + " -> " + newRevision + ": ";
        if (pending()) {
            return revisions + "impact being computed";
        }
        if (report == null) {
            return revisions + "impact not computed: " + reason;
        }
        ImpactReport.Summary s = report.summary();
        return revisions + count(s.affected(), "scenario") + (s.affected() == 1 ? " changes, " : " change, ")
                + count(s.added(), "consequence") + " added, " + s.removed() + " removed, " + s.changed()
                + " changed, " + count(s.regressions(), "regression");
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** The scenarios whose expectations held under the old revision and fail under the new; empty when not computed. */
    public List<ScenarioImpact> regressions() {
        return report == null ? List.of() : report.regressions();
    }
}
