package org.policyadvisor.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Change;
import org.policyadvisor.Comparison;
import org.policyadvisor.Consequence;
import org.policyadvisor.Fact;
import org.policyadvisor.Given;
import org.policyadvisor.Hedge;
import org.policyadvisor.Rule;
import org.policyadvisor.RuleSelection;
import org.policyadvisor.Scenario;

/**
 * What an answer hangs on. The scenario is evaluated once as it is, then once per step: each given withdrawn in
 * turn, each claim the answer uses disabled in turn, the claims of each source it uses dropped in turn, and each
 * claim it uses stated one step firmer and one step weaker on the hedge scale. Every variant shares the advisor's
 * compiled rule base ({@link Advisor#withSelection}), so a step costs one evaluation.
 *
 * <p>Each evaluation is subject to the advisor's limits; one that exceeds them fails the whole report.
 */
public final class Sensitivity {

    private final Advisor advisor;
    private final Progress progress;

    public Sensitivity(Advisor advisor) {
        this(Objects.requireNonNull(advisor, "advisor must not be null"), Progress.NONE);
    }

    private Sensitivity(Advisor advisor, Progress progress) {
        this.advisor = advisor;
        this.progress = progress;
    }

    /** Told the number of steps tried so far, after each (on the calling thread). */
    public Sensitivity progress(Progress listener) {
        return new Sensitivity(advisor, Objects.requireNonNull(listener, "listener must not be null"));
    }

    /** The number of evaluations a report on this answer takes, the answer itself included. */
    public int evaluations(Assessment answer) {
        return 1 + steps(answer).size();
    }

    public SensitivityReport of(Scenario scenario) {
        Assessment answer = advisor.assess(scenario);
        List<Step> steps = steps(answer);
        List<Trial> trials = new ArrayList<>();
        for (Step step : steps) {
            trials.add(trial(scenario, answer, step));
            progress.update(trials.size(), steps.size());
        }
        return report(answer, trials);
    }

    private List<Step> steps(Assessment answer) {
        List<Step> steps = new ArrayList<>();
        for (Given g : answer.given()) {
            steps.add(new Step(Step.Kind.WITHDRAW, g.id(), g.fact().toString()));
        }
        for (String id : answer.rulesUsed()) {
            steps.add(new Step(Step.Kind.DISABLE, id, rule(id).name()));
        }
        for (String source : sourcesUsed(answer)) {
            steps.add(new Step(Step.Kind.DROP_SOURCE, source, source));
        }
        for (String id : answer.rulesUsed()) {
            Hedge hedge = advisor.selection().hedge(rule(id));
            hedge.firmer().ifPresent(h -> steps.add(new Step(Step.Kind.FIRMER, id, hedge.word() + " -> " + h.word())));
            hedge.weaker().ifPresent(h -> steps.add(new Step(Step.Kind.WEAKER, id, hedge.word() + " -> " + h.word())));
        }
        return steps;
    }

    private static Set<String> sourcesUsed(Assessment answer) {
        Set<String> sources = new TreeSet<>();
        answer.consequences().forEach(c -> sources.addAll(c.sources()));
        return sources;
    }

    private Rule rule(String id) {
        return advisor.rule(id).orElseThrow();
    }

    private Trial trial(Scenario scenario, Assessment answer, Step step) {
        RuleSelection selection = advisor.selection();
        Assessment varied = switch (step.kind()) {
            case WITHDRAW -> advisor.assess(new Scenario(scenario.name(), scenario.description(),
                    answer.given().stream().filter(g -> !g.id().equals(step.target())).map(Given::fact).toList()));
            case DISABLE -> advisor.withSelection(selection.without(step.target())).assess(scenario);
            case DROP_SOURCE -> {
                RuleSelection without = selection;
                for (Rule r : advisor.rules()) {
                    if (r.source().equals(step.target())) {
                        without = without.without(r.id());
                    }
                }
                yield advisor.withSelection(without).assess(scenario);
            }
            case FIRMER, WEAKER -> {
                Hedge now = selection.hedge(rule(step.target()));
                Hedge moved = (step.kind() == Step.Kind.FIRMER ? now.firmer() : now.weaker()).orElseThrow();
                yield advisor.withSelection(selection.withHedge(step.target(), moved)).assess(scenario);
            }
        };
        Comparison c = Comparison.of(answer, varied);
        return new Trial(step, c.removed(), c.added(), c.changed());
    }

    private static SensitivityReport report(Assessment answer, List<Trial> trials) {
        List<Rank> givens = ranks(trials, Step.Kind.WITHDRAW);
        List<Rank> claims = ranks(trials, Step.Kind.DISABLE);
        List<Rank> sources = ranks(trials, Step.Kind.DROP_SOURCE);
        Map<Fact, List<Step>> hangsOn = new HashMap<>();
        Map<Fact, List<Dependence.Effect>> effects = new HashMap<>();
        for (Trial t : trials) {
            for (Consequence removed : t.removed()) {
                if (t.step().kind().removes()) {
                    hangsOn.computeIfAbsent(removed.fact(), f -> new ArrayList<>()).add(t.step());
                }
                effects.computeIfAbsent(removed.fact(), f -> new ArrayList<>())
                        .add(new Dependence.Effect(t.step(), removed.likelihood(), 0, true));
            }
            for (Change changed : t.changed()) {
                effects.computeIfAbsent(changed.before().fact(), f -> new ArrayList<>())
                        .add(new Dependence.Effect(t.step(), changed.before().likelihood(),
                                changed.after().likelihood(), false));
            }
        }
        List<Dependence> dependences = new ArrayList<>();
        for (Consequence c : answer.consequences()) {
            List<Step> on = hangsOn.getOrDefault(c.fact(), List.of());
            Set<Dependence.Flag> flags = EnumSet.noneOf(Dependence.Flag.class);
            for (Step s : on) {
                flags.add(switch (s.kind()) {
                    case WITHDRAW -> Dependence.Flag.SINGLE_GIVEN;
                    case DISABLE -> Dependence.Flag.SINGLE_CLAIM;
                    default -> Dependence.Flag.SINGLE_SOURCE;
                });
            }
            dependences.add(new Dependence(c, on, effects.getOrDefault(c.fact(), List.of()), flags));
        }
        return new SensitivityReport(answer, trials, givens, claims, sources, dependences);
    }

    private static List<Rank> ranks(List<Trial> trials, Step.Kind kind) {
        return trials.stream().filter(t -> t.step().kind() == kind).map(Rank::of).sorted(Rank.MOST_FIRST).toList();
    }
}
