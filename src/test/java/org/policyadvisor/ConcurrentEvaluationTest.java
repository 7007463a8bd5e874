package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Evaluations running at once on one shared advisor each get the answer they get alone: the rule base's sessions
 * share nothing that one evaluation could write into another's.
 */
class ConcurrentEvaluationTest {

    private static final int THREADS = 4;
    private static final int EVALUATIONS = 250;

    @Test
    void evaluations_at_once_on_one_advisor_each_get_their_own_answer() throws Exception {
        Advisor advisor = Fixtures.mini();
        List<Scenario> scenarios = List.of(
                Scenario.of("precision", List.of(Fixtures.transfer("precision-weapons"))),
                Scenario.of("ammunition", List.of(Fixtures.transfer("ammunition"))),
                Scenario.of("both", List.of(Fixtures.transfer("ammunition"), Fixtures.transfer("precision-weapons"))));
        List<Assessment> alone = scenarios.stream().map(advisor::assess).toList();

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                results.add(threads.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < EVALUATIONS; i++) {
                        int s = (i + offset) % scenarios.size();
                        try {
                            Assessment a = advisor.assess(scenarios.get(s));
                            if (!a.equals(alone.get(s))) {
                                wrong.add(scenarios.get(s).name() + ": " + a.consequences());
                            }
                        } catch (RuntimeException e) {
                            wrong.add(scenarios.get(s).name() + ": " + e);
                        }
                    }
                    return wrong;
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> f : results) {
                wrong.addAll(f.get());
            }

            assertThat(wrong).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }
}
