package org.policyadvisor.analysis;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.Assessment;
import org.policyadvisor.Comparison;
import org.policyadvisor.Scenario;

/**
 * Many what-ifs at once: one answer per scenario, in input order, the scenarios evaluated on every core. With a
 * baseline, each answer is the difference against it, the baseline being evaluated once. A scenario that cannot be
 * read or evaluated gets an answer with its error; the others go on.
 *
 * <p>Immutable: {@link #threads}, {@link #baseline} and {@link #progress} return changed copies.
 */
public final class BatchWhatIf {

    /** One scenario to answer: its name, and how to get it (called on a worker thread, so reading can be slow). */
    public record Input(String name, Supplier<Scenario> scenario) {
        public Input {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(scenario, "scenario must not be null");
        }

        public static Input of(Scenario scenario) {
            return new Input(scenario.name(), () -> scenario);
        }
    }

    /**
     * The answer to the scenario at {@code index} (from 0): its assessment, with the difference against the baseline
     * when there is one, or the error that stopped it.
     */
    public record Answer(int index, String name, Assessment assessment, Comparison comparison, AdvisorException error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final Advisor advisor;
    private final Assessment baseline;
    private final int threads;
    private final Progress progress;

    private BatchWhatIf(Advisor advisor, Assessment baseline, int threads, Progress progress) {
        this.advisor = advisor;
        this.baseline = baseline;
        this.threads = threads;
        this.progress = progress;
    }

    public BatchWhatIf(Advisor advisor) {
        this(Objects.requireNonNull(advisor, "advisor must not be null"), null, Parallel.cores(), Progress.NONE);
    }

    public BatchWhatIf threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + count);
        }
        return new BatchWhatIf(advisor, baseline, count, progress);
    }

    /** Answers as differences against this scenario, evaluated now, once. */
    public BatchWhatIf baseline(Scenario scenario) {
        return new BatchWhatIf(advisor, advisor.assess(scenario), threads, progress);
    }

    /** Told the number of answers handed on so far; the total is -1 when not known in advance. */
    public BatchWhatIf progress(Progress listener) {
        return new BatchWhatIf(advisor, baseline, threads, Objects.requireNonNull(listener));
    }

    /** Every answer, in input order. */
    public List<Answer> run(List<Scenario> scenarios) {
        List<Answer> answers = new ArrayList<>(scenarios.size());
        run(scenarios.stream().map(Input::of).iterator(), scenarios.size(), a -> a, answers::add);
        return List.copyOf(answers);
    }

    /**
     * Answers the inputs as they are drawn, applies {@code finish} to each answer on the worker thread that made it
     * (to render it, say), and hands the results to {@code sink} on the calling thread, in input order. Memory stays
     * bounded however many inputs there are.
     *
     * @param total the number of inputs, for progress; -1 when not known
     */
    public <T> void run(Iterator<Input> inputs, long total, Function<Answer, T> finish, Consumer<T> sink) {
        Iterator<Numbered> numbered = new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return inputs.hasNext();
            }

            @Override
            public Numbered next() {
                return new Numbered(index++, inputs.next());
            }
        };
        AtomicLong done = new AtomicLong();
        Parallel.ordered(numbered, n -> finish.apply(answer(n.index, n.input)), result -> {
            sink.accept(result);
            progress.update(done.incrementAndGet(), total);
        }, threads);
    }

    private record Numbered(int index, Input input) {
    }

    private Answer answer(int index, Input input) {
        try {
            Scenario scenario = input.scenario().get();
            Assessment assessment = advisor.assess(scenario);
            Comparison comparison = baseline == null ? null : Comparison.of(baseline, assessment);
            return new Answer(index, input.name(), assessment, comparison, null);
        } catch (AdvisorException e) {
            return new Answer(index, input.name(), null, null, e);
        }
    }
}
