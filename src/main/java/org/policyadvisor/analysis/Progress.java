package org.policyadvisor.analysis;

/**
 * Told how far a long run has come. May be called from several threads at once, and often: implementations must be
 * thread-safe and cheap (throttle any printing).
 */
@FunctionalInterface
public interface Progress {

    /** Reports nothing. */
    Progress NONE = (done, total) -> { };

    void update(long done, long total);
}
