package org.policyadvisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Scenario;
import org.policyadvisor.decisions.Decision;
import org.policyadvisor.scenario.ScenarioReader;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("what-if --replay FILE:ID: a logged decision re-run on the current rules, with the difference")
class ReplayTest {

    private final String rules = Fixtures.miniDir().resolve("rules").toString();

    @Test
    @DisplayName("the same rules give no difference; a changed log gives added, removed and changed lines")
    void replay(@TempDir Path dir) throws Exception {
        Advisor advisor = Fixtures.mini();
        Scenario scenario = new ScenarioReader(advisor.vocabulary(), Fixtures.miniDir().resolve("facts"))
                .byName("precision").scenario();
        Assessment assessment = advisor.assess(scenario);
        List<Decision.Outcome> outcomes = assessment.consequences().stream()
                .map(c -> new Decision.Outcome(c.fact(), c.likelihood())).toList();
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(2);
        List<Decision.Outcome> altered = new ArrayList<>(outcomes.subList(1, outcomes.size()));
        altered.set(0, new Decision.Outcome(altered.get(0).fact(), 0.11));
        altered.add(new Decision.Outcome(Fact.of("Gone", Map.of("actor", "X")), 0.5));
        Path log = dir.resolve("decisions.jsonl");
        Files.writeString(log, line("same", scenario, outcomes, false) + "\n" + line("altered", scenario, altered, false)
                + "\n" + line("hashed", scenario, outcomes, true) + "\n");

        CliRun same = CliRun.of("what-if", "--rules", rules, "--replay", log + ":same");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).contains("Replay of decision same (what-if)", "revision old then, "
                + advisor.revision() + " now", "No difference: the same " + outcomes.size() + " consequence(s)");

        CliRun changed = CliRun.of("what-if", "--rules", rules, "--replay", log + ":altered");
        assertThat(changed.exitCode()).isZero();
        assertThat(changed.out())
                .contains("Added (follow now, not then) (1):\n  " + outcomes.get(0).fact())
                .contains("Removed (followed then, not now) (1):\n  Gone(actor=X)  likelihood 0.5")
                .contains("Changed likelihood (1):\n  " + outcomes.get(1).fact() + "  likelihood 0.11 -> "
                        + outcomes.get(1).likelihood());

        CliRun hashed = CliRun.of("what-if", "--rules", rules, "--replay", log + ":hashed");
        assertThat(hashed.exitCode()).isNotZero();
        assertThat(hashed.err()).contains("as a hash only");

        CliRun missing = CliRun.of("what-if", "--rules", rules, "--replay", log + ":nothing");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("no decision nothing");
    }

    private static String line(String id, Scenario scenario, List<Decision.Outcome> outcomes, boolean hash) {
        return new Decision(id, Instant.parse("2026-01-01T00:00:00Z"), "what-if", "old", scenario.facts(),
                Optional.empty(), "", "", outcomes, List.of(), 10).toJson(hash);
    }
}
