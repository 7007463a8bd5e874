package org.policyadvisor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Consequence;
import org.policyadvisor.Fact;
import org.policyadvisor.Scenario;

class SweepTest {

    private static Advisor advisor;
    private static final Scenario EMPTY = Scenario.of("none", List.of());
    private static final int K = 5;
    private static SweepResult whole;
    /** The consequences of each combination, by brute force. */
    private static Map<Fact, boolean[]> holds;

    @BeforeAll
    static void sweep_and_brute_force() {
        advisor = SweepRules.advisor();
        whole = Sweep.of(advisor, EMPTY, SweepRules.uncertain()).threads(2).run();
        holds = new HashMap<>();
        for (int m = 0; m < 1 << K; m++) {
            List<Fact> facts = new ArrayList<>();
            for (int j = 0; j < K; j++) {
                if ((m >> j & 1) == 1) {
                    facts.add(SweepRules.uncertain().get(j));
                }
            }
            for (Consequence c : advisor.assess(Scenario.of("m" + m, facts)).consequences()) {
                holds.computeIfAbsent(c.fact(), f -> new boolean[1 << K])[m] = true;
            }
        }
    }

    @Test
    void every_combination_is_evaluated_and_counted() {
        assertThat(whole.combinations()).isEqualTo(32);
        assertThat(whole.evaluated()).isEqualTo(32);
        assertThat(whole.complete()).isTrue();
        assertThat(whole.failed()).isZero();
        assertThat(whole.consequences()).extracting(Holding::fact).containsExactlyInAnyOrderElementsOf(holds.keySet());
        for (Holding h : whole.consequences()) {
            long count = 0;
            for (boolean b : holds.get(h.fact())) {
                count += b ? 1 : 0;
            }
            assertThat(h.holds()).as("%s", h.fact()).isEqualTo(count);
        }
    }

    @Test
    void minimal_sets_that_make_each_consequence_hold_or_block_it_agree_with_brute_force() {
        for (Holding h : whole.consequences()) {
            boolean[] on = holds.get(h.fact());
            assertThat(new TreeSet<>(h.holdsWith())).as("holds with, %s", h.fact()).isEqualTo(minimalHolding(on));
            assertThat(new TreeSet<>(h.blockedBy(K))).as("blocked by, %s", h.fact()).isEqualTo(minimalBlocking(on));
        }
        // The rule set is not trivial: escalation needs one of two sets and is blocked by food with talks.
        Holding escalation = holding(Fact.of("Escalation", Map.of("actor", "PRK")));
        assertThat(escalation.holdsWith()).containsExactly(0b00001, 0b00010);
        assertThat(escalation.blockedBy(K)).contains(0b01100, 0b10100).doesNotContain(0b00100);
        assertThat(holding(Fact.of("Pressure", Map.of("actor", "PRK"))).blockedBy(K)).isEmpty();
    }

    @Test
    void four_uncertain_facts_make_sixteen_combinations() {
        SweepResult four = Sweep.of(advisor, EMPTY, SweepRules.uncertain().subList(0, 4)).threads(1).run();

        assertThat(four.combinations()).isEqualTo(16);
        assertThat(four.evaluated()).isEqualTo(16);
    }

    @Test
    void shards_merged_equal_the_whole_sweep_on_any_number_of_threads() {
        Sweep sweep = Sweep.of(advisor, EMPTY, SweepRules.uncertain());
        List<SweepResult> shards = List.of(sweep.threads(1).shard(2, 3), sweep.threads(2).shard(0, 3),
                sweep.threads(1).shard(1, 3));

        assertThat(shards.get(0).complete()).isFalse();
        assertThat(SweepResult.merge(shards)).isEqualTo(whole);
        assertThat(sweep.threads(1).run()).isEqualTo(whole);
        assertThatThrownBy(() -> SweepResult.merge(List.of(shards.get(0), shards.get(0))))
                .hasMessageContaining("overlap");
    }

    @Test
    void robust_consequences_hold_in_every_combination_and_a_fact_in_the_scenario_and_the_sweep_is_uncertain() {
        Scenario withArms = Scenario.of("arms", List.of(SweepRules.supply("arms")));
        SweepResult armsKept = Sweep.of(advisor, withArms, SweepRules.uncertain().subList(2, 5)).threads(1).run();
        assertThat(armsKept.robust()).extracting(Holding::fact)
                .containsExactly(Fact.of("Pressure", Map.of("actor", "PRK")));

        SweepResult armsVaried = Sweep.of(advisor, withArms, SweepRules.uncertain().subList(0, 2)).threads(1).run();
        assertThat(armsVaried.given()).isEmpty();
        assertThat(armsVaried.combinations()).isEqualTo(4);
    }

    @Test
    void progress_counts_up_to_the_slice() {
        AtomicLong last = new AtomicLong();
        Sweep.of(advisor, EMPTY, SweepRules.uncertain()).threads(2).progress((done, total) -> {
            assertThat(total).isEqualTo(16);
            last.accumulateAndGet(done, Math::max);
        }).shard(1, 2);
        assertThat(last.get()).isEqualTo(16);
    }

    @Test
    void more_than_twenty_uncertain_facts_are_refused() {
        List<Fact> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(SweepRules.supply("arms"));
        }
        assertThatThrownBy(() -> Sweep.of(advisor, EMPTY, many)).hasMessageContaining("at most 20");
    }

    private static Holding holding(Fact fact) {
        return whole.consequences().stream().filter(h -> h.fact().equals(fact)).findFirst().orElseThrow();
    }

    /** Sets where it holds and in no proper subset. */
    private static Set<Integer> minimalHolding(boolean[] on) {
        Set<Integer> out = new TreeSet<>();
        for (int s = 0; s < on.length; s++) {
            boolean minimal = on[s];
            for (int t = 0; minimal && t < on.length; t++) {
                minimal = !(t != s && (t & ~s) == 0 && on[t]);
            }
            if (minimal) {
                out.add(s);
            }
        }
        return out;
    }

    /** Sets with no holding superset, none of whose proper subsets is such a set. */
    private static Set<Integer> minimalBlocking(boolean[] on) {
        Set<Integer> blocking = new HashSet<>();
        for (int b = 0; b < on.length; b++) {
            boolean blocks = true;
            for (int s = 0; blocks && s < on.length; s++) {
                blocks = !((b & ~s) == 0 && on[s]);
            }
            if (blocks) {
                blocking.add(b);
            }
        }
        Set<Integer> out = new TreeSet<>();
        for (int b : blocking) {
            boolean minimal = true;
            for (int c : blocking) {
                minimal &= !(c != b && (c & ~b) == 0);
            }
            if (minimal) {
                out.add(b);
            }
        }
        return out;
    }
}
