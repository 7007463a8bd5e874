package org.policyadvisor.whynot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.Assessment;
import org.policyadvisor.Condition;
import org.policyadvisor.Fact;
import org.policyadvisor.FactPattern;
import org.policyadvisor.FactTypeSpec;
import org.policyadvisor.Given;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.Node;
import org.policyadvisor.Rule;
import org.policyadvisor.Scenario;

/**
 * Answers "why does this consequence not follow from the scenario?" over an advisor's rules.
 *
 * <p>The scenario is assessed once. If the consequence asked about follows (or is given), the answer says so.
 * Otherwise every rule that could conclude it is listed with each condition satisfied, missing or blocked;
 * missing conditions are followed back through the rules that could conclude them, down to facts no rule
 * concludes; and these are combined into alternative sets of facts to assert, smallest first. Each set whose
 * facts are complete is checked by assessing the scenario with it.
 *
 * <p>Conditions are judged by type and fixed field values only; a join between conditions or a comparison
 * is not followed, which is why each set is checked. Thread-safe, like the advisor it uses.
 *
 * <pre>{@code
 * Answer answer = new WhyNot(advisor).ask(scenario,
 *         new FactPattern("AidRestraintLifted", new TreeMap<>(Map.of("actor", "KOR"))));
 * answer.options().get(0).facts();   // e.g. [ArmsTransfer(category=precision-weapons, recipient=PRK, supplier=RUS)]
 * }</pre>
 */
public final class WhyNot {

    private final Advisor advisor;
    private final Bounds bounds;

    public WhyNot(Advisor advisor) {
        this(advisor, Bounds.DEFAULT);
    }

    public WhyNot(Advisor advisor, Bounds bounds) {
        this.advisor = Objects.requireNonNull(advisor, "advisor must not be null");
        this.bounds = Objects.requireNonNull(bounds, "bounds must not be null");
    }

    /**
     * Why the consequence does not follow from the scenario, and what would make it follow.
     *
     * @param scenario the facts asserted
     * @param target   the consequence asked about: a fact type and some of its field values
     * @throws InvalidFactsException when the target or a fact does not fit the vocabulary (nothing is evaluated)
     */
    public Answer ask(Scenario scenario, FactPattern target) {
        Objects.requireNonNull(scenario, "scenario must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Fact checked = advisor.vocabulary().checkPattern(new Fact(target.type(), target.fields()), "consequence");
        FactPattern wanted = new FactPattern(checked.type(), advisor.vocabulary().canonical(checked).fields());
        Assessment assessment = advisor.assess(scenario);
        List<Node> known = known(assessment);
        List<Node> matches = known.stream().filter(n -> matches(wanted, n)).toList();
        if (!matches.isEmpty()) {
            Answer.Status status = matches.stream().anyMatch(n -> n instanceof Given)
                    ? Answer.Status.GIVEN : Answer.Status.FOLLOWS;
            return new Answer(assessment.revision(), assessment.description(), wanted, status, matches,
                    List.of(), List.of(), bounds, false);
        }
        Search search = new Search(readings(), known, bounds);
        Search.Goal goal = search.goal(wanted, 0);
        List<Option> options = new ArrayList<>();
        boolean cut = false;
        if (goal.trace() == Premise.Trace.RULES) {
            List<Route> routes = goal.routes();
            cut = routes.size() > bounds.sets();
            for (Route route : routes.subList(0, Math.min(bounds.sets(), routes.size()))) {
                options.add(option(scenario, assessment, wanted, route));
            }
        }
        return new Answer(assessment.revision(), assessment.description(), wanted, Answer.Status.DOES_NOT_FOLLOW,
                List.of(), goal.candidates(), options, bounds, cut || search.truncated());
    }

    private boolean matches(FactPattern pattern, Node node) {
        return advisor.vocabulary().matches(node.fact(), pattern.type(), pattern.fields());
    }

    /**
     * Every rule the advisor uses, once for each way its conditions can be read against canonical facts (a rule
     * with a condition on a symmetric relation matches it written either way).
     */
    private List<Rule> readings() {
        List<Rule> all = new ArrayList<>();
        for (Rule r : advisor.rules()) {
            if (!advisor.selection().uses(r)) {
                continue;
            }
            for (List<Condition> conditions : advisor.vocabulary().readings(r.conditions())) {
                all.add(new Rule(r.id(), r.name(), r.quote(), r.source(), advisor.selection().hedge(r), conditions,
                        r.conclusions(), r.file(), r.line()));
            }
        }
        return all;
    }

    private static List<Node> known(Assessment assessment) {
        List<Node> known = new ArrayList<>(assessment.given());
        known.addAll(assessment.consequences());
        return known;
    }

    private Option option(Scenario scenario, Assessment assessment, FactPattern target, Route route) {
        List<FactPattern> facts = List.copyOf(route.facts().values());
        List<Node> withdraw = List.copyOf(route.withdraw().values());
        return new Option(facts, withdraw, check(scenario, assessment, target, facts, withdraw));
    }

    /** Assesses the scenario with the option applied, when every fact is complete and every withdrawal given. */
    private Option.Check check(Scenario scenario, Assessment assessment, FactPattern target,
                               List<FactPattern> facts, List<Node> withdraw) {
        if (!withdraw.stream().allMatch(n -> n instanceof Given) || !facts.stream().allMatch(this::complete)) {
            return Option.Check.UNCHECKED;
        }
        Set<String> withdrawn = withdraw.stream().map(Node::id).collect(Collectors.toSet());
        List<Fact> applied = new ArrayList<>();
        assessment.given().stream().filter(g -> !withdrawn.contains(g.id())).forEach(g -> applied.add(g.fact()));
        facts.forEach(p -> applied.add(new Fact(p.type(), p.fields())));
        try {
            Assessment after = advisor.assess(new Scenario(scenario.name(), scenario.description(), applied));
            boolean follows = known(after).stream().anyMatch(n -> matches(target, n));
            return follows ? Option.Check.FOLLOWS : Option.Check.DOES_NOT_FOLLOW;
        } catch (AdvisorException e) {
            // A rule's fixed value outside the vocabulary, or an evaluation limit: the option stays unchecked.
            return Option.Check.UNCHECKED;
        }
    }

    private boolean complete(FactPattern pattern) {
        Optional<FactTypeSpec> type = advisor.vocabulary().type(pattern.type());
        return type.isPresent() && type.get().fields().stream().allMatch(f -> pattern.fields().containsKey(f.name()));
    }
}
