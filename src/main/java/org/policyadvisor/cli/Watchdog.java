package org.policyadvisor.cli;

/**
 * Ends the process when a graceful stop takes too long: a JVM whose threads are stuck (after an
 * OutOfMemoryError, say) still stops on SIGTERM, a bounded time later.
 */
final class Watchdog {

    private Watchdog() {
    }

    /** Halts the JVM with status 1 unless it has ended within {@code seconds}. */
    static void start(long seconds) {
        Thread dog = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("policy-advisor: not stopped after " + seconds + " s; halting");
            Runtime.getRuntime().halt(1);
        }, "policy-advisor-watchdog");
        dog.setDaemon(true);
        dog.start();
    }
}
