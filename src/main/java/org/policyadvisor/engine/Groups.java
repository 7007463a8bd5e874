package org.policyadvisor.engine;

import java.util.Arrays;

/**
 * The strongly connected groups of derived facts, where a fact points at the premises of its justifications
 * (Tarjan's algorithm). Facts in one group justify one another, directly or through others of the group.
 */
final class Groups {

    private final int given;
    private final int[] first;
    private final int[] from;
    private final int[] premises;
    private final int[] index;
    private final int[] low;
    private final int[] group;
    private final boolean[] onStack;
    private final int[] stack;
    private int top;
    private int counter;
    private int groups;

    /** Justifications numbered as in {@link Evaluation.Result}; facts below {@code given} are given. */
    Groups(int facts, int given, int[] first, int[] from, int[] premises) {
        this.given = given;
        this.first = first;
        this.from = from;
        this.premises = premises;
        this.index = new int[facts];
        this.low = new int[facts];
        this.group = new int[facts];
        this.onStack = new boolean[facts];
        this.stack = new int[facts];
        Arrays.fill(index, -1);
    }

    /** A group number for every fact; given facts each have a group of their own. */
    int[] ids() {
        for (int f = 0; f < index.length; f++) {
            if (index[f] < 0) {
                connect(f);
            }
        }
        return group;
    }

    private void connect(int f) {
        index[f] = counter;
        low[f] = counter++;
        stack[top++] = f;
        onStack[f] = true;
        if (f >= given) {
            for (int j = first[f - given]; j < first[f - given + 1]; j++) {
                for (int k = from[j]; k < from[j + 1]; k++) {
                    int p = premises[k];
                    if (index[p] < 0) {
                        connect(p);
                        low[f] = Math.min(low[f], low[p]);
                    } else if (onStack[p]) {
                        low[f] = Math.min(low[f], index[p]);
                    }
                }
            }
        }
        if (low[f] == index[f]) {
            int member;
            do {
                member = stack[--top];
                onStack[member] = false;
                group[member] = groups;
            } while (member != f);
            groups++;
        }
    }
}
