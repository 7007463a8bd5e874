package org.policyadvisor.decisions;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent decisions as JSON lines, bounded both in count and in characters held: the oldest leave first.
 * Thread-safe.
 */
public final class DecisionRing {

    /** Decisions kept by default. */
    public static final int DEFAULT_SIZE = 1000;
    /** Characters of JSON kept at most by default (about 32 MB of heap). */
    public static final long DEFAULT_CHARS = 16L * 1024 * 1024;

    private record Entry(String id, String json) {
    }

    private final int size;
    private final long chars;
    private final ArrayDeque<Entry> order = new ArrayDeque<>();
    private final Map<String, String> byId = new HashMap<>();
    private long held;

    public DecisionRing(int size, long chars) {
        if (size < 1 || chars < 1) {
            throw new IllegalArgumentException("size and chars must be positive, were " + size + " and " + chars);
        }
        this.size = size;
        this.chars = chars;
    }

    public DecisionRing() {
        this(DEFAULT_SIZE, DEFAULT_CHARS);
    }

    public synchronized void add(String id, String json) {
        if (json.length() > chars) {
            return;
        }
        order.addLast(new Entry(id, json));
        byId.put(id, json);
        held += json.length();
        while (order.size() > size || held > chars) {
            Entry oldest = order.removeFirst();
            byId.remove(oldest.id());
            held -= oldest.json().length();
        }
    }

    public synchronized Optional<String> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized int count() {
        return order.size();
    }
}
