package org.policyadvisor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Scenario;

class BatchWhatIfTest {

    private final Advisor advisor = SweepRules.advisor();

    /** Random subsets of the sweep rules' uncertain facts, seeded. */
    private static List<Scenario> scenarios(int count) {
        Random random = new Random(15);
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Fact> facts = new ArrayList<>();
            SweepRules.uncertain().stream().filter(f -> random.nextBoolean()).forEach(facts::add);
            out.add(new Scenario("s" + i, "", facts));
        }
        return out;
    }

    @Test
    void answers_on_two_threads_are_those_of_one_in_input_order() {
        List<Scenario> scenarios = scenarios(1000);

        List<BatchWhatIf.Answer> parallel = new BatchWhatIf(advisor).threads(2).run(scenarios);

        assertThat(parallel).hasSize(scenarios.size());
        for (int i = 0; i < scenarios.size(); i++) {
            BatchWhatIf.Answer a = parallel.get(i);
            assertThat(a.index()).isEqualTo(i);
            assertThat(a.name()).isEqualTo("s" + i);
            assertThat(a.error()).as("answer %d", i).isNull();
            Assessment alone = advisor.assess(scenarios.get(i));
            assertThat(a.assessment().consequences()).as("answer %d", i).isEqualTo(alone.consequences());
        }
    }

    @Test
    void with_a_baseline_each_answer_carries_the_difference() {
        Scenario base = new Scenario("base", "", List.of(SweepRules.supply("arms")));

        List<BatchWhatIf.Answer> answers = new BatchWhatIf(advisor).threads(2).baseline(base).run(List.of(
                new Scenario("same", "", List.of(SweepRules.supply("arms"))),
                new Scenario("none", "", List.of())));

        assertThat(answers.get(0).comparison().isEmpty()).isTrue();
        assertThat(answers.get(1).comparison().removed()).extracting(c -> c.fact().type())
                .containsExactly("Pressure", "Escalation");
    }
}
