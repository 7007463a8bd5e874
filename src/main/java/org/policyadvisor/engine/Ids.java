package org.policyadvisor.engine;

/** Node ids ({@code g1}, {@code c1}, ...), the common ones made once rather than in every evaluation. */
final class Ids {

    private static final int KEPT = 256;
    private static final String[] GIVEN = make("g");
    private static final String[] CONSEQUENCE = make("c");

    private Ids() {
    }

    static String given(int n) {
        return n < KEPT ? GIVEN[n] : "g" + n;
    }

    static String consequence(int n) {
        return n < KEPT ? CONSEQUENCE[n] : "c" + n;
    }

    private static String[] make(String prefix) {
        String[] ids = new String[KEPT];
        for (int i = 0; i < KEPT; i++) {
            ids[i] = prefix + i;
        }
        return ids;
    }
}
