package org.policyadvisor.analysis;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/** Work spread over threads, with results handed on in input order and at most a window of them held. */
public final class Parallel {

    /** Results computed ahead of the one awaited, per thread. */
    private static final int AHEAD_PER_THREAD = 32;

    private Parallel() {
    }

    /** Every core of the machine. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Applies {@code work} to each input on {@code threads} threads and hands each result to {@code sink} on the
     * calling thread, in input order. Inputs are drawn as results are handed on, so memory stays bounded however
     * many inputs there are. An exception thrown by {@code work} stops the run and is thrown here.
     */
    public static <I, O> void ordered(Iterator<I> inputs, Function<? super I, ? extends O> work,
                                      Consumer<? super O> sink, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (threads == 1) {
            inputs.forEachRemaining(input -> sink.accept(work.apply(input)));
            return;
        }
        ExecutorService pool = pool(threads, "batch");
        try {
            ArrayDeque<Future<? extends O>> window = new ArrayDeque<>();
            int ahead = threads * AHEAD_PER_THREAD;
            while (inputs.hasNext()) {
                if (window.size() >= ahead) {
                    sink.accept(await(window.poll()));
                }
                I input = inputs.next();
                window.add(pool.submit(() -> work.apply(input)));
            }
            while (!window.isEmpty()) {
                sink.accept(await(window.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The value of a finished task; its exception rethrown as it was thrown. */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** A fixed pool of daemon threads named after the work. */
    static ExecutorService pool(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "policy-advisor-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }
}
