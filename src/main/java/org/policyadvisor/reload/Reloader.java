package org.policyadvisor.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.Limits;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;
import org.policyadvisor.analysis.Impact;
import org.policyadvisor.analysis.ImpactReport;
import org.policyadvisor.analysis.Parallel;
import org.policyadvisor.analysis.ScenarioImpact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link Advisor} current with a rules directory. Edits are debounced, the new rule base is
 * built on the reloader's own thread (never on a request's), checked, and swapped in atomically only
 * when it has no errors; otherwise the last good advisor keeps serving and the problems are kept in
 * {@link #status()}. Callers read {@link #advisor()} once per request, so a request never mixes two
 * revisions.
 *
 * <p>Given a facts directory ({@link #impactOver}), the reloader computes, just after it swaps a checked revision in,
 * the {@link Impact} of the change over every scenario of the directory, and keeps it in {@link #status()} (pending
 * until it is known). The impact is information, not a gate: the new revision answers before it is known, and when
 * it fails or exceeds its time limit, or finds regressions (expectations that held under the previous revision and
 * fail under the new), the revision stays active; the status and the log say so.
 */
public final class Reloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    /** Threads that compute an impact: every core, for the short while it takes (the next reload waits for it). */
    private static final int IMPACT_THREADS = Parallel.cores();

    private final Path dir;
    private final Limits limits;
    private final Function<RuleSources, List<Problem>> check;
    private final Duration debounce;
    private final Clock clock;
    private final AtomicReference<Advisor> active;
    private final AtomicReference<LoadStatus> status;
    private final ScheduledExecutorService builder;
    private WatchService watcher;
    private Thread watching;
    private ScheduledFuture<?> pending;
    private volatile Consumer<String> outcomes = outcome -> { };
    private volatile Path facts;
    private volatile Duration impactLimit;

    /**
     * @param initial  the advisor to serve until a reload succeeds; built from {@code dir}
     * @param check    extra checks on new sources (errors block activation); compile errors always do
     */
    public Reloader(Path dir, Advisor initial, Limits limits, Function<RuleSources, List<Problem>> check,
                    Duration debounce, Clock clock) {
        this(dir, new AtomicReference<>(initial), limits, check, debounce, clock);
    }

    /**
     * @param active the reference the callers read; the reloader sets it when a revision activates
     */
    public Reloader(Path dir, AtomicReference<Advisor> active, Limits limits,
                    Function<RuleSources, List<Problem>> check, Duration debounce, Clock clock) {
        this.dir = Objects.requireNonNull(dir, "dir must not be null");
        this.limits = limits;
        this.check = check;
        this.debounce = debounce;
        this.clock = clock;
        this.active = Objects.requireNonNull(active, "active must not be null");
        Advisor initial = active.get();
        this.status = new AtomicReference<>(new LoadStatus(initial.revision(), initial.loadedAt(),
                initial.loadedAt(), initial.revision(), List.of(), 0));
        this.builder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rules-reload");
            t.setDaemon(true);
            return t;
        });
    }

    /** The advisor to use for one request: read it once and keep it for the whole request. */
    public Advisor advisor() {
        return active.get();
    }

    public LoadStatus status() {
        return status.get();
    }

    /** Starts watching the directory (and its sub-directories) for changes. */
    public synchronized void watch() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        register(dir);
        watching = new Thread(this::watchLoop, "rules-watch");
        watching.setDaemon(true);
        watching.start();
        LOG.info("watching {} for rule changes", dir);
    }

    /**
     * Watches a directory and every directory under it. Each directory is watched before it is listed, so a folder
     * made inside it meanwhile (as {@code mkdir -p a/b} makes {@code b} just after {@code a}) is either listed or
     * reported by its own event: listing first could miss it.
     */
    private void register(Path top) throws IOException {
        top.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        List<Path> children;
        try (Stream<Path> list = Files.list(top)) {
            children = list.filter(Files::isDirectory).toList();
        }
        for (Path child : children) {
            if (Files.isSymbolicLink(child)) {
                // Watched, but not followed further: as Files.walk, which does not follow links.
                child.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            } else {
                register(child);
            }
        }
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    // A folder made after the start (or moved in) is watched too, with what it already holds.
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path parent
                            && event.context() instanceof Path name && Files.isDirectory(parent.resolve(name))) {
                        registerQuietly(parent.resolve(name));
                    }
                }
                key.reset();
                schedule();
            }
        } catch (InterruptedException | ClosedWatchServiceException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void registerQuietly(Path created) {
        try {
            register(created);
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.warn("cannot watch the new folder {}: {}", created.getFileName(), e.toString());
        }
    }

    /** Told the outcome of every reload: {@code activated}, {@code failed} or {@code unchanged}. */
    public void onOutcome(Consumer<String> listener) {
        this.outcomes = Objects.requireNonNull(listener, "listener must not be null");
    }

    /**
     * From the next reload on, computes the impact of each new revision over the scenarios of {@code facts} just
     * after activating it, for at most {@code limit} (then the status says it was not computed in time).
     */
    public void impactOver(Path facts, Duration limit) {
        Objects.requireNonNull(facts, "facts must not be null");
        Objects.requireNonNull(limit, "limit must not be null");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        this.impactLimit = limit;
        this.facts = facts;
    }

    /** Debounces a burst of edits (an editor's save is several events) into one rebuild. */
    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = builder.schedule(this::reloadQuietly, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.error("reload failed unexpectedly", e);
        }
    }

    /**
     * Rebuilds from the directory now, on the calling thread, and activates the result if it is clean.
     *
     * @return true when a new revision became active
     */
    public boolean reload() {
        RuleSources sources;
        try {
            sources = RuleSources.fromDirectory(dir);
        } catch (AdvisorException e) {
            return failed("?", e.problems());
        } catch (RuntimeException e) {
            LOG.warn("cannot read rules from {}: {}", dir, e.toString());
            return failed("?", List.of(new Problem(dir.toString(), "cannot be read")));
        }
        String revision = sources.revision();
        Advisor current = active.get();
        if (revision.equals(current.revision())) {
            LoadStatus s = status.get();
            status.set(new LoadStatus(s.activeRevision(), s.activeSince(), clock.instant(), revision, List.of(),
                    s.reloads(), s.impact()));
            outcomes.accept("unchanged");
            return false;
        }
        Advisor next;
        try {
            next = Advisor.builder().sources(sources).limits(limits).build();
        } catch (AdvisorException e) {
            return failed(revision, e.problems());
        }
        List<Problem> problems = check.apply(sources);
        if (!problems.isEmpty()) {
            return failed(revision, problems);
        }
        Path over = facts;
        ReloadImpact pending = over == null ? null
                : ReloadImpact.pending(current.revision(), next.revision(), over, clock.instant());
        active.set(next);
        LoadStatus s = status.get();
        status.set(new LoadStatus(next.revision(), next.loadedAt(), clock.instant(), revision, List.of(),
                s.reloads() + 1, pending));
        LOG.info("activated rules revision {} ({} rules), replacing {}", next.revision(), next.rules().size(),
                current.revision());
        outcomes.accept("activated");
        if (pending != null) {
            ReloadImpact impact = impact(current, next, over);
            status.updateAndGet(now -> now.impact() == pending ? now.withImpact(impact) : now);
        }
        return true;
    }

    /**
     * The impact of replacing {@code current} by {@code next} over the facts directory, computed on a thread of its
     * own and awaited for at most the time limit. Never throws: what went wrong is the reason it was not computed.
     */
    private ReloadImpact impact(Advisor current, Advisor next, Path dir) {
        Duration limit = impactLimit;
        Instant at = clock.instant();
        long start = System.nanoTime();
        String reason;
        if (!Files.isDirectory(dir)) {
            reason = "no scenario folder " + dir;
        } else {
            Impact impact = new Impact(current, next).threads(IMPACT_THREADS).within(limit);
            FutureTask<ImpactReport> task = new FutureTask<>(() -> impact.over(dir));
            Thread computing = new Thread(task, "rules-reload-impact");
            computing.setDaemon(true);
            computing.start();
            try {
                ImpactReport report = task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
                ReloadImpact done = ReloadImpact.computed(dir, at, Duration.ofNanos(System.nanoTime() - start), report);
                log(done);
                return done;
            } catch (TimeoutException e) {
                task.cancel(true);
                reason = "not computed within " + limit.toMillis() + " ms";
            } catch (ExecutionException e) {
                reason = reason(e.getCause());
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                reason = "interrupted";
            }
        }
        ReloadImpact failed = ReloadImpact.notComputed(current.revision(), next.revision(), dir, at,
                Duration.ofNanos(System.nanoTime() - start), reason);
        LOG.warn("impact of rules revision {} -> {} over {} could not be computed ({}); activating it all the same",
                current.revision(), next.revision(), dir, reason);
        return failed;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof Impact.TimedOut timedOut) {
            return timedOut.getMessage();
        }
        if (cause instanceof AdvisorException advisor) {
            return advisor.oneLine();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** One INFO line summing the impact up, and a WARN line per regression. */
    private static void log(ReloadImpact impact) {
        LOG.info("{} ({} scenarios of {} compared in {} ms)", impact.summaryLine(), impact.report().scenarios().size(),
                impact.facts(), impact.took().toMillis());
        for (ScenarioImpact r : impact.regressions()) {
            LOG.warn("regression in scenario {}: its expectations held under revision {} and fail under {}: {}",
                    r.name(), impact.oldRevision(), impact.newRevision(), String.join("; ", r.after().failures()));
        }
    }

    private boolean failed(String revision, List<Problem> problems) {
        LoadStatus s = status.get();
        status.set(new LoadStatus(s.activeRevision(), s.activeSince(), clock.instant(), revision, problems,
                s.reloads(), s.impact()));
        LOG.warn("rules revision {} not activated, still serving {}: {} problem(s)", revision, s.activeRevision(),
                problems.size());
        problems.forEach(p -> LOG.warn("  {}", p));
        outcomes.accept("failed");
        return false;
    }

    @Override
    public synchronized void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
        builder.shutdownNow();
    }
}
