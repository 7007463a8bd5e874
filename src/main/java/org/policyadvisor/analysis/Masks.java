package org.policyadvisor.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Sets of uncertain facts as bit masks (fact {@code j} is bit {@code j}), and antichains of them: the minimal or the
 * maximal sets of a family, kept as sets arrive. The minimal (maximal) sets of a union of families are the minimal
 * (maximal) sets of the union of their minimal (maximal) sets, so antichains of disjoint slices merge exactly.
 */
final class Masks {

    /** Fewest facts first, then by the facts' indices in order: {0} < {1} < {0,1} < {0,2} < {1,2}. */
    static final Comparator<Integer> ORDER = Masks::compare;

    private Masks() {
    }

    static int compare(int a, int b) {
        int c = Integer.compare(Integer.bitCount(a), Integer.bitCount(b));
        int x = a;
        int y = b;
        while (c == 0 && (x | y) != 0) {
            int lowX = Integer.numberOfTrailingZeros(x);
            int lowY = Integer.numberOfTrailingZeros(y);
            c = Integer.compare(lowX, lowY);
            x &= x - 1;
            y &= y - 1;
        }
        return c;
    }

    static boolean subset(int a, int b) {
        return (a & ~b) == 0;
    }

    /** The indices of the mask's bits, ascending. */
    static List<Integer> indices(int mask) {
        List<Integer> indices = new ArrayList<>(Integer.bitCount(mask));
        for (int m = mask; m != 0; m &= m - 1) {
            indices.add(Integer.numberOfTrailingZeros(m));
        }
        return indices;
    }

    /** Adds a set to an antichain of minimal sets unless a subset of it is there; drops the supersets it replaces. */
    static void addMinimal(List<Integer> minimal, int mask) {
        for (int a : minimal) {
            if (subset(a, mask)) {
                return;
            }
        }
        minimal.removeIf(a -> subset(mask, a));
        minimal.add(mask);
    }

    /** Adds a set to an antichain of maximal sets unless a superset of it is there; drops the subsets it replaces. */
    static void addMaximal(List<Integer> maximal, int mask) {
        for (int a : maximal) {
            if (subset(mask, a)) {
                return;
            }
        }
        maximal.removeIf(a -> subset(a, mask));
        maximal.add(mask);
    }

    static List<Integer> sorted(Collection<Integer> masks) {
        return masks.stream().sorted(ORDER).toList();
    }

    /**
     * The minimal sets that no set of {@code maximal} contains, among subsets of {@code k} facts: the minimal hitting
     * sets of the maximal sets' complements (Berge's algorithm). A family with the full set has none; an empty
     * family has the empty set.
     */
    static List<Integer> minimalOutside(List<Integer> maximal, int k) {
        int full = k == 32 ? -1 : (1 << k) - 1;
        List<Integer> hitting = new ArrayList<>(List.of(0));
        for (int m : maximal) {
            int edge = full & ~m;
            List<Integer> next = new ArrayList<>();
            for (int t : hitting) {
                if ((t & edge) != 0) {
                    addMinimal(next, t);
                }
            }
            for (int t : hitting) {
                if ((t & edge) == 0) {
                    for (int e = edge; e != 0; e &= e - 1) {
                        addMinimal(next, t | Integer.lowestOneBit(e));
                    }
                }
            }
            hitting = next;
        }
        return sorted(hitting);
    }
}
