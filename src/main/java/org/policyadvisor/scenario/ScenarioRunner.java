package org.policyadvisor.scenario;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.policyadvisor.AdvisorException;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Comparison;
import org.policyadvisor.Consequence;
import org.policyadvisor.Fact;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Rule;

/**
 * Runs scenario files against an advisor and checks their expectations. The same runner serves the
 * {@code test} command and the JUnit scenario tests.
 */
public final class ScenarioRunner {

    private final Advisor advisor;

    public ScenarioRunner(Advisor advisor) {
        this.advisor = advisor;
    }

    /** Reads the named scenario of the reader's folder and runs it; one that cannot be read fails with why. */
    public Outcome run(ScenarioReader reader, String name) {
        ScenarioFile file;
        try {
            file = reader.byName(name);
        } catch (AdvisorException e) {
            List<String> failures = e.problems().isEmpty() ? List.of(e.getMessage())
                    : e.problems().stream().map(p -> e.getMessage() + ": " + p).toList();
            return new Outcome(name, "", failures, Set.of());
        } catch (UncheckedIOException e) {
            return new Outcome(name, "", List.of(e.getMessage()), Set.of());
        }
        return run(file);
    }

    public Outcome run(ScenarioFile file) {
        List<String> failures = new ArrayList<>();
        Assessment assessment;
        Comparison comparison = null;
        try {
            if (file.base().isPresent()) {
                comparison = advisor.compare(file.base().get(), file.scenario());
                assessment = comparison.scenario();
            } else {
                assessment = advisor.assess(file.scenario());
            }
        } catch (AdvisorException e) {
            return new Outcome(file.name(), file.scenario().description(), List.of(e.oneLine()), Set.of());
        }
        Expectations expect = file.expectations();
        if (expect.count() == 0) {
            failures.add("states no expectations");
        }
        for (FactPattern p : expect.follows()) {
            if (assessment.consequences().stream().noneMatch(c -> matches(p, c.fact()))) {
                failures.add("expected to follow, but did not: " + p);
            }
        }
        for (FactPattern p : expect.absent()) {
            assessment.consequences().stream().filter(c -> matches(p, c.fact())).findFirst()
                    .ifPresent(c -> failures.add("expected absent, but followed: " + c.fact()
                            + " (by " + String.join(", ", ruleIds(c)) + ")"));
        }
        for (String id : expect.rules()) {
            if (advisor.rule(id).isEmpty()) {
                failures.add("no rule with id '" + id + "'");
            } else if (!assessment.rulesUsed().contains(id)) {
                failures.add("expected rule '" + id + "' in the explanation, but it was not used");
            }
        }
        for (Expectations.DerivedBy d : expect.derivedBy()) {
            List<Consequence> matching = assessment.consequences().stream()
                    .filter(c -> matches(d.consequence(), c.fact())).toList();
            if (matching.isEmpty()) {
                failures.add("expected to follow, but did not: " + d.consequence());
            }
            for (String id : d.rules()) {
                if (!matching.isEmpty() && matching.stream().noneMatch(c -> c.derivedBy(id))) {
                    failures.add("expected " + d.consequence() + " to be derived by '" + id
                            + "', but its derivations are by " + String.join(", ", ruleIds(matching.get(0))));
                }
            }
        }
        for (FactPattern p : expect.contested()) {
            if (assessment.contested().stream().noneMatch(c -> matches(p, c.one().fact()) || matches(p, c.other().fact()))) {
                failures.add("expected contested, but no contested pair has it: " + p);
            }
        }
        if (expect.needsBaseline() && comparison == null) {
            failures.add("expects a difference (added/removed/changed) but extends no scenario");
        } else if (comparison != null) {
            check("added", expect.added(), comparison.added(), failures);
            check("removed", expect.removed(), comparison.removed(), failures);
            check("changed", expect.changed(), comparison.changed().stream().map(c -> c.after()).toList(), failures);
        }
        return new Outcome(file.name(), file.scenario().description(), failures, assessment.rulesUsed());
    }

    private boolean matches(FactPattern pattern, Fact fact) {
        return advisor.vocabulary().matches(fact, pattern.type(), pattern.fields());
    }

    private void check(String what, List<FactPattern> expected, List<Consequence> actual, List<String> failures) {
        for (FactPattern p : expected) {
            if (actual.stream().noneMatch(c -> matches(p, c.fact()))) {
                failures.add("expected " + what + " in the difference, but not there: " + p);
            }
        }
    }

    private static List<String> ruleIds(Consequence c) {
        return c.derivations().stream().map(d -> d.rule().id()).toList();
    }

    /** The ids of the rules that no outcome exercised, sorted. */
    public Set<String> untested(List<Outcome> outcomes) {
        Set<String> untested = new TreeSet<>();
        advisor.rules().stream().map(Rule::id).forEach(untested::add);
        outcomes.forEach(o -> untested.removeAll(o.rulesUsed()));
        return untested;
    }
}
