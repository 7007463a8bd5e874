package org.policyadvisor.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: random version 4 UUIDs drawn from the calling thread's generator rather than the shared secure
 * one, so that no lock is contended and no entropy is read per request. Unique in practice, not secret.
 */
final class DecisionIds {

    private static final long VERSION_MASK = 0xFFFFFFFFFFFF0FFFL;
    private static final long VERSION_4 = 0x0000000000004000L;
    private static final long VARIANT_MASK = 0x3FFFFFFFFFFFFFFFL;
    private static final long VARIANT_IETF = 0x8000000000000000L;

    private DecisionIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & VERSION_MASK) | VERSION_4;
        long low = (random.nextLong() & VARIANT_MASK) | VARIANT_IETF;
        return new UUID(high, low).toString();
    }
}
