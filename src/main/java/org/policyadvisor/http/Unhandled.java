package org.policyadvisor.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exceptions Vert.x raises outside any request handler (on input it cannot parse): one line at WARN at most once a
 * minute, the stack trace at debug, so that a client cannot flood the log.
 */
final class Unhandled {

    private static final Logger LOG = LoggerFactory.getLogger(Unhandled.class);
    private static final AtomicLong LAST = new AtomicLong();

    private Unhandled() {
    }

    static void report(Throwable t) {
        long now = System.nanoTime();
        long last = LAST.get();
        if ((last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) && LAST.compareAndSet(last, now)) {
            LOG.warn("a request Vert.x could not handle was dropped: {} (more at debug, at most one line a minute)",
                    t.toString());
        }
        LOG.debug("a request Vert.x could not handle", t);
    }
}
