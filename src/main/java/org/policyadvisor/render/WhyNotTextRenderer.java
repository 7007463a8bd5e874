package org.policyadvisor.render;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.policyadvisor.Consequence;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Given;
import org.policyadvisor.Node;
import org.policyadvisor.whynot.Answer;
import org.policyadvisor.whynot.Candidate;
import org.policyadvisor.whynot.Option;
import org.policyadvisor.whynot.Premise;

/**
 * A why-not answer for people: the rules that could conclude the consequence, each with its quote and hedge
 * and the state of each premise, missing ones followed back as an indented tree; then the sets of facts to
 * assert, smallest first. A missing premise already followed back above is not expanded again.
 */
public final class WhyNotTextRenderer {

    public String answer(Answer a) {
        StringBuilder out = new StringBuilder();
        out.append("Why not ").append(a.target()).append("?\n");
        out.append("Scenario: ").append(a.description().isEmpty() ? "(no description)" : a.description()).append('\n');
        out.append("Rules revision ").append(a.revision()).append(".\n\n");
        switch (a.status()) {
            case GIVEN -> {
                out.append("It holds: the scenario asserts it.\n");
                a.matches().forEach(n -> out.append("  ").append(node(n)).append('\n'));
                return out.toString();
            }
            case FOLLOWS -> {
                out.append("It follows (what-if shows the full explanation):\n");
                for (Node n : a.matches()) {
                    out.append("  ").append(node(n));
                    if (n instanceof Consequence c) {
                        out.append(c.derivations().stream().map(d -> d.rule().id())
                                .collect(Collectors.joining(", ", ", by rule ", "")));
                    }
                    out.append('\n');
                }
                return out.toString();
            }
            default -> out.append("It does not follow.\n");
        }
        if (a.rules().isEmpty()) {
            out.append("\nNo rule concludes ").append(a.target().type())
                    .append(" with these values: it holds only when asserted directly.\n");
            return out.toString();
        }
        out.append("\nRules that could conclude it (").append(a.rules().size()).append("):\n");
        Set<String> followed = new HashSet<>();
        for (Candidate c : a.rules()) {
            out.append('\n');
            candidate(out, c, 1, followed);
        }
        options(out, a);
        return out.toString();
    }

    private void candidate(StringBuilder out, Candidate c, int depth, Set<String> followed) {
        String pad = "  ".repeat(depth);
        out.append(pad).append(c.rule().id()).append(" (").append(c.rule().hedge().word()).append(" = ")
                .append(TextRenderer.format(c.rule().likelihood())).append(") concludes ")
                .append(c.produces()).append('\n');
        out.append(pad).append("  \u201c").append(c.rule().quote()).append("\u201d [").append(c.rule().source())
                .append("]\n");
        for (Premise p : c.premises()) {
            premise(out, p, depth + 1, followed);
        }
        if (c.premisesMet()) {
            out.append(pad).append("  every premise is met, yet it did not conclude this: a condition beyond the")
                    .append(" field values shown (a join or a comparison) is not met; see ")
                    .append(c.rule().file()).append(':').append(c.rule().line()).append('\n');
        }
    }

    private void premise(StringBuilder out, Premise p, int depth, Set<String> followed) {
        String pad = "  ".repeat(depth);
        String what = (p.condition().absent() ? "no " : "") + p.pattern();
        switch (p.state()) {
            case SATISFIED -> {
                out.append(pad).append("satisfied  ").append(what);
                if (!p.facts().isEmpty()) {
                    out.append(": ").append(node(p.facts().get(0)));
                    if (p.facts().size() > 1) {
                        out.append(" (and ").append(p.facts().size() - 1).append(" more)");
                    }
                }
                out.append('\n');
            }
            case BLOCKED -> out.append(pad).append("blocked    ").append(what).append(": present as ")
                    .append(p.facts().stream().map(WhyNotTextRenderer::node).collect(Collectors.joining("; ")))
                    .append('\n');
            case MISSING -> {
                out.append(pad).append("missing    ").append(what);
                switch (p.trace()) {
                    case NO_RULE -> out.append(": no rule concludes it; assert it\n");
                    case CYCLE -> out.append(": its rules lead back to what is being followed\n");
                    case BOUND -> out.append(": not followed further (depth bound); assert it\n");
                    default -> {
                        if (!followed.add(p.pattern().toString())) {
                            out.append(": followed back above\n");
                            return;
                        }
                        out.append(": could follow from\n");
                        for (Candidate inner : p.rules()) {
                            candidate(out, inner, depth + 1, followed);
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled state " + p.state());
        }
    }

    private void options(StringBuilder out, Answer a) {
        out.append("\nTo make it follow, assert one of (smallest first):\n");
        if (a.options().isEmpty()) {
            out.append("  none found: no set of facts, judged by the field values the rules fix, makes it follow")
                    .append(a.truncated() ? " within the search bounds" : "").append(".\n");
            return;
        }
        int i = 1;
        for (Option o : a.options()) {
            out.append("  ").append(i++).append(". ");
            out.append(o.facts().isEmpty() ? "nothing"
                    : o.facts().stream().map(FactPattern::toString).collect(Collectors.joining(" + ")));
            if (!o.withdraw().isEmpty()) {
                out.append(", and withdraw ").append(withdrawals(o.withdraw()));
            }
            out.append('\n');
            out.append("     ").append(check(o)).append('\n');
        }
        if (a.truncated()) {
            out.append("  (search bounds reached: depth ").append(a.bounds().depth()).append(", ")
                    .append(a.bounds().sets()).append(" sets; other sets may exist)\n");
        }
    }

    private static String withdrawals(List<Node> nodes) {
        return nodes.stream().map(n -> n instanceof Given ? node(n)
                        : node(n) + " (derived: withdraw what it rests on)")
                .collect(Collectors.joining(", "));
    }

    private static String check(Option o) {
        return switch (o.check()) {
            case FOLLOWS -> "checked: with this, it follows";
            case DOES_NOT_FOLLOW -> "checked: with this it still does not follow (a join or comparison in a rule"
                    + " is not met; fill in matching values)";
            case UNCHECKED -> o.withdrawsOnlyGiven()
                    ? "not checked: fill in the open fields, then run what-if"
                    : "not checked: a fact to withdraw is derived";
        };
    }

    private static String node(Node n) {
        return "[" + n.id() + "] " + (n instanceof Given ? "given " : "") + n.fact();
    }
}
