package org.policyadvisor.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies held at once, over every connection of a server. A body's share (its declared
 * length, or the body limit when it is sent in chunks) is taken before any of it is read and given back when the
 * request ends however it ends, so the bodies held never exceed the budget, whatever clients send.
 */
final class Budget {

    private final long limit;
    private final AtomicLong taken = new AtomicLong();

    Budget(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        this.limit = limit;
    }

    /** Takes {@code bytes}, or returns false when they do not fit; a true answer must be followed by {@link #give}. */
    boolean take(long bytes) {
        while (true) {
            long now = taken.get();
            if (now + bytes > limit) {
                return false;
            }
            if (taken.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void give(long bytes) {
        taken.addAndGet(-bytes);
    }

    /** The bytes taken now. */
    long taken() {
        return taken.get();
    }

    long limit() {
        return limit;
    }
}
