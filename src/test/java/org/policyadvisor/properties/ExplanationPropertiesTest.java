package org.policyadvisor.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Comparison;
import org.policyadvisor.Consequence;
import org.policyadvisor.Derivation;
import org.policyadvisor.Fact;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Given;
import org.policyadvisor.Node;
import org.policyadvisor.Scenario;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * What holds of every answer, whatever the scenario: scenarios are random sets of the facts the shipped scenario
 * files assert, evaluated with the packaged rules.
 */
class ExplanationPropertiesTest {

    private static final Advisor ADVISOR = Fixtures.article();
    private static final List<Fact> POOL = pool();

    private static List<Fact> pool() {
        ScenarioReader reader = new ScenarioReader(ADVISOR.vocabulary(), Path.of("facts"));
        Set<Fact> facts = new LinkedHashSet<>();
        for (String name : reader.names()) {
            facts.addAll(reader.byName(name).scenario().facts());
        }
        return List.copyOf(facts);
    }

    @Provide
    Arbitrary<List<Fact>> scenarios() {
        return Arbitraries.subsetOf(POOL).map(ArrayList::new).map(l -> {
            l.sort(null);
            return List.copyOf(l);
        });
    }

    private static Assessment assess(List<Fact> facts) {
        return ADVISOR.assess(Scenario.of("property", facts));
    }

    @Property(tries = 60)
    void every_explanation_ends_in_given_facts(@ForAll("scenarios") List<Fact> facts) {
        Assessment a = assess(facts);
        Set<String> ids = new HashSet<>();
        a.given().forEach(g -> ids.add(g.id()));
        for (Consequence c : a.consequences()) {
            assertThat(c.derivations()).as("%s has a derivation", c.fact()).isNotEmpty();
            assertThat(reachesOnlyGivens(c, new HashSet<>())).as("%s bottoms out in given facts", c.fact()).isTrue();
            ids.add(c.id());
        }
        a.consequences().forEach(c -> c.derivations().forEach(d ->
                d.premises().forEach(p -> assertThat(ids).contains(p.id()))));
    }

    private static boolean reachesOnlyGivens(Node node, Set<String> path) {
        if (node instanceof Given) {
            return true;
        }
        if (!path.add(node.id())) {
            return false; // a cycle
        }
        for (Derivation d : ((Consequence) node).derivations()) {
            for (Node p : d.premises()) {
                if (!reachesOnlyGivens(p, path)) {
                    return false;
                }
            }
        }
        path.remove(node.id());
        return true;
    }

    @Property(tries = 40)
    void consequences_and_their_ids_do_not_depend_on_the_order_of_the_facts(@ForAll("scenarios") List<Fact> facts,
                                                                          @ForAll long seed) {
        List<Fact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(shape(assess(shuffled))).isEqualTo(shape(assess(facts)));
    }

    /** Each consequence's id, fact, likelihood, depth and derivations (rule and premise facts), in output order. */
    private static List<String> shape(Assessment a) {
        return a.consequences().stream().map(c -> c.id() + " " + c.fact() + " " + c.likelihood() + " " + c.depth() + " "
                + c.derivations().stream().map(d -> d.rule().id() + d.premises().stream().map(p -> p.fact().toString())
                        .toList()).toList()).toList();
    }

    @Property(tries = 60)
    void a_derivation_is_its_rules_weight_times_its_weakest_premise(@ForAll("scenarios") List<Fact> facts) {
        for (Consequence c : assess(facts).consequences()) {
            double best = 0;
            for (Derivation d : c.derivations()) {
                double weakest = d.premises().stream().mapToDouble(Node::likelihood).min().orElse(1.0);
                assertThat(d.likelihood()).isCloseTo(d.weight() * weakest, within(1e-12));
                assertThat(d.weight()).isCloseTo(d.hedge().likelihood() * d.factor(), within(1e-12));
                best = Math.max(best, d.likelihood());
            }
            assertThat(c.likelihood()).isCloseTo(best, within(1e-12));
        }
    }

    @Property(tries = 40)
    void what_one_scenario_adds_the_other_removes(@ForAll("scenarios") List<Fact> a, @ForAll("scenarios") List<Fact> b) {
        Comparison ab = ADVISOR.compare(Scenario.of("a", a), Scenario.of("b", b));
        Comparison ba = ADVISOR.compare(Scenario.of("b", b), Scenario.of("a", a));

        assertThat(facts(ab.added())).isEqualTo(facts(ba.removed()));
        assertThat(facts(ab.removed())).isEqualTo(facts(ba.added()));
    }

    private static Set<Fact> facts(List<Consequence> consequences) {
        return consequences.stream().map(Consequence::fact).collect(Collectors.toCollection(HashSet::new));
    }

    @Property(tries = 40)
    void withdrawing_a_given_adds_only_what_relied_on_an_absence(@ForAll("scenarios") List<Fact> facts,
                                                                   @ForAll long seed) {
        if (facts.isEmpty()) {
            return;
        }
        Fact withdrawn = facts.get(new Random(seed).nextInt(facts.size()));
        List<Fact> fewer = facts.stream().filter(f -> !f.equals(withdrawn)).toList();
        Assessment all = assess(facts);
        Set<Fact> before = facts(all.consequences());
        all.given().forEach(g -> before.add(g.fact())); // a given fact may well follow once it is not given
        for (Consequence c : assess(fewer).consequences()) {
            if (!before.contains(c.fact())) {
                assertThat(reliesOnAbsence(c, new HashSet<>())).as("%s appeared when %s was withdrawn", c.fact(), withdrawn)
                        .isTrue();
            }
        }
    }

    private static boolean reliesOnAbsence(Consequence c, Set<String> seen) {
        if (!seen.add(c.id())) {
            return false;
        }
        for (Derivation d : c.derivations()) {
            if (!d.absent().isEmpty()) {
                return true;
            }
            for (Node p : d.premises()) {
                if (p instanceof Consequence q && reliesOnAbsence(q, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Property(tries = 20)
    void given_facts_keep_their_input_order_and_each_is_listed_once(@ForAll("scenarios") List<Fact> facts) {
        List<Fact> doubled = new ArrayList<>(facts);
        doubled.addAll(facts);
        // A symmetric relation written both ways is one fact: the distinct facts are the canonical ones.
        List<Fact> distinct = List.copyOf(facts.stream().map(ADVISOR.vocabulary()::canonical)
                .collect(Collectors.toCollection(LinkedHashSet::new)));

        assertThat(assess(doubled).given()).extracting(Given::fact).containsExactlyElementsOf(distinct);
    }
}
