package org.policyadvisor.http;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.reload.LoadStatus;

/**
 * What the workbench shows an analyst who edits rules: the rules directory served (none for the packaged rules),
 * what its reloader last did, and, computed on demand and kept until something changes, what {@code check} finds
 * there and how the scenario tests fare against the active revision. One instance is shared by every event loop
 * of a server.
 */
public final class Authoring {

    private final Path rules;
    private final Supplier<LoadStatus> reloads;
    private final AuthoringReport report;

    private Authoring(Path rules, Supplier<LoadStatus> reloads) {
        this.rules = rules;
        this.reloads = reloads;
        this.report = new AuthoringReport(this);
    }

    /** The packaged rules: nothing to watch, nothing reloaded. */
    public static Authoring packaged() {
        return new Authoring(null, null);
    }

    /**
     * A rules directory being watched.
     *
     * @param rules   the directory the served rules come from
     * @param reloads what its reloader last did, read at each request
     */
    public static Authoring watching(Path rules, Supplier<LoadStatus> reloads) {
        return new Authoring(Objects.requireNonNull(rules, "rules must not be null"),
                Objects.requireNonNull(reloads, "reloads must not be null"));
    }

    /** The rules directory, or empty for the packaged rules. */
    public Optional<Path> rules() {
        return Optional.ofNullable(rules);
    }

    /** What the reloader last did, when there is one. */
    public Optional<LoadStatus> status() {
        return reloads == null ? Optional.empty() : Optional.ofNullable(reloads.get());
    }

    /** Blocking: the authoring document for the advisor serving now; scenario tests read {@code factsDir}. */
    Buffer document(Advisor advisor, Path factsDir) {
        return report.document(advisor, factsDir);
    }

    /** The version of the document {@link #document} would give now: it changes whenever the document does. */
    String version(Advisor advisor, Path factsDir) {
        return report.version(advisor, factsDir);
    }

    /** The claims ledger ({@code CLAIMS.md}) of the served rules, when there is one. */
    ClaimsLedger ledger() {
        return report.ledger();
    }
}
