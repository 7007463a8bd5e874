package org.policyadvisor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Fact;

/** The antichains and the blocking sets against brute force, on random non-monotone families. */
class MasksTest {

    @Test
    void antichains_built_in_any_order_and_merged_give_the_brute_force_sets() {
        Random random = new Random(15);
        int k = 6;
        for (int trial = 0; trial < 200; trial++) {
            boolean[] on = new boolean[1 << k];
            double density = random.nextDouble();
            for (int m = 0; m < on.length; m++) {
                on[m] = random.nextDouble() < density;
            }
            List<Integer> order = new ArrayList<>();
            for (int m = 0; m < on.length; m++) {
                order.add(m);
            }
            java.util.Collections.shuffle(order, random);
            Holding.Tally left = new Holding.Tally(Fact.of("X", java.util.Map.of()));
            Holding.Tally right = new Holding.Tally(Fact.of("X", java.util.Map.of()));
            for (int i = 0; i < order.size(); i++) {
                if (on[order.get(i)]) {
                    (i % 2 == 0 ? left : right).add(order.get(i), 0.5);
                }
            }
            Holding h = left.holding().merge(right.holding());

            assertThat(new TreeSet<>(h.holdsWith())).isEqualTo(bruteMinimal(on, true));
            assertThat(new TreeSet<>(h.blockedBy(k))).isEqualTo(bruteBlocking(on));
        }
    }

    @Test
    void sets_are_ordered_by_size_then_by_their_facts() {
        assertThat(Masks.sorted(List.of(0b110, 0b011, 0b100, 0b101, 0b001)))
                .containsExactly(0b001, 0b100, 0b011, 0b101, 0b110);
    }

    private static TreeSet<Integer> bruteMinimal(boolean[] on, boolean value) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int s = 0; s < on.length; s++) {
            if (on[s] != value) {
                continue;
            }
            boolean minimal = true;
            for (int t = 0; t < on.length && minimal; t++) {
                minimal = !(t != s && (t & ~s) == 0 && on[t] == value);
            }
            if (minimal) {
                out.add(s);
            }
        }
        return out;
    }

    private static TreeSet<Integer> bruteBlocking(boolean[] on) {
        boolean[] blocks = new boolean[on.length];
        for (int b = 0; b < on.length; b++) {
            blocks[b] = true;
            for (int s = 0; s < on.length && blocks[b]; s++) {
                blocks[b] = !((b & ~s) == 0 && on[s]);
            }
        }
        return bruteMinimal(blocks, true);
    }
}
