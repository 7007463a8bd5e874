package org.policyadvisor.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bound on blocking work: at most {@code workers + queue} requests are taken in at once, those running on
 * a worker and those waiting for one. A request beyond that is refused at once (503 {@code overloaded}) instead
 * of joining an unbounded queue. One instance is shared by every event loop of a server.
 */
final class Admission {

    private final int limit;
    private final AtomicInteger taken = new AtomicInteger();

    /**
     * @param workers the threads that run the work
     * @param queue   how many requests may wait for one of them
     */
    Admission(int workers, int queue) {
        if (workers < 1 || queue < 0) {
            throw new IllegalArgumentException("workers must be positive and queue not negative, were "
                    + workers + " and " + queue);
        }
        this.limit = workers + queue;
    }

    static Admission of(ServerConfig config) {
        return new Admission(config.workers(), config.queue());
    }

    /** Takes a place, or returns false when every place is taken. A true answer must be followed by {@link #leave}. */
    boolean enter() {
        while (true) {
            int now = taken.get();
            if (now >= limit) {
                return false;
            }
            if (taken.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back the place of a request whose work has finished. */
    void leave() {
        taken.decrementAndGet();
    }

    /** The requests taken in now, running or waiting. */
    int taken() {
        return taken.get();
    }

    int limit() {
        return limit;
    }
}
