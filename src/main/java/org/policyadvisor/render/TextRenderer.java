package org.policyadvisor.render;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.policyadvisor.Assessment;
import org.policyadvisor.Change;
import org.policyadvisor.Comparison;
import org.policyadvisor.Consequence;
import org.policyadvisor.Contest;
import org.policyadvisor.Derivation;
import org.policyadvisor.Given;
import org.policyadvisor.Node;

/**
 * Text for people: each consequence as an indented tree of the rules that derive it, with the quoted
 * source, down to the given facts. Within one tree a node already explained is not expanded again.
 */
public final class TextRenderer {

    public String assessment(Assessment a) {
        StringBuilder out = new StringBuilder();
        out.append("What follows from: ").append(a.description().isEmpty() ? "(no description)" : a.description())
                .append('\n');
        out.append("Rules revision ").append(a.revision()).append("; ").append(a.given().size())
                .append(" facts given, ").append(a.consequences().size()).append(" consequences, ")
                .append(a.firings()).append(" rule firings.\n");
        out.append("\nGiven:\n");
        for (Given g : a.given()) {
            out.append("  [").append(g.id()).append("] ").append(g.fact()).append('\n');
        }
        out.append("\nConsequences (shortest chain first):\n");
        if (a.consequences().isEmpty()) {
            out.append("  none\n");
        }
        for (Consequence c : a.consequences()) {
            out.append('\n');
            node(out, c, 1, new HashSet<>());
        }
        if (!a.contested().isEmpty()) {
            out.append("\nContested (the sources disagree; both stand):\n");
            for (Contest c : a.contested()) {
                out.append("  [").append(c.one().id()).append("] ").append(c.one().fact()).append("  vs  [")
                        .append(c.other().id()).append("] ").append(c.other().fact()).append('\n');
            }
        }
        return out.toString();
    }

    public String comparison(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append("Scenario:  ").append(c.scenario().description()).append('\n');
        out.append("Baseline:  ").append(c.baseline().description()).append('\n');
        out.append("Rules revision ").append(c.scenario().revision()).append(".\n");
        if (c.isEmpty()) {
            out.append("\nNo difference: the same consequences follow, with the same likelihoods.\n");
            return out.toString();
        }
        section(out, "Added (follow only in the scenario)", c.added());
        section(out, "Removed (follow only in the baseline)", c.removed());
        out.append("\nChanged likelihood (").append(c.changed().size()).append("):\n");
        if (c.changed().isEmpty()) {
            out.append("  none\n");
        }
        for (Change change : c.changed()) {
            out.append("  ").append(change.after().fact()).append(": ")
                    .append(format(change.before().likelihood())).append(" -> ")
                    .append(format(change.after().likelihood())).append('\n');
            node(out, change.after(), 2, new HashSet<>());
        }
        return out.toString();
    }

    private void section(StringBuilder out, String title, List<Consequence> items) {
        out.append('\n').append(title).append(" (").append(items.size()).append("):\n");
        if (items.isEmpty()) {
            out.append("  none\n");
        }
        for (Consequence c : items) {
            node(out, c, 1, new HashSet<>());
        }
    }

    /** A node and its explanation as an indented tree, {@code depth} steps of two spaces in. */
    public String explanation(Node node, int depth) {
        StringBuilder out = new StringBuilder();
        node(out, node, depth, new HashSet<>());
        return out.toString();
    }

    private void node(StringBuilder out, Node node, int depth, Set<String> shown) {
        String pad = "  ".repeat(depth);
        if (node instanceof Given g) {
            out.append(pad).append('[').append(g.id()).append("] given ").append(g.fact()).append('\n');
            return;
        }
        Consequence c = (Consequence) node;
        out.append(pad).append('[').append(c.id()).append("] ").append(c.fact())
                .append("  likelihood ").append(format(c.likelihood()));
        if (c.corroborated()) {
            out.append("  corroborated by ").append(String.join(", ", c.sources()));
        }
        if (!shown.add(c.id())) {
            out.append("  (explained above)\n");
            return;
        }
        out.append('\n');
        for (Derivation d : c.derivations()) {
            String weakest = d.premises().stream().map(p -> format(p.likelihood()))
                    .collect(Collectors.joining(", ", "min(", ")"));
            out.append(pad).append("  because rule ").append(d.rule().id()).append(" (")
                    .append(d.hedge().word()).append(" = ").append(format(d.hedge().likelihood()));
            if (Math.abs(d.factor() - 1.0) > 1e-9) {
                out.append(", x ").append(format(d.factor())).append(" for the source's grade");
            }
            out.append("): ").append(format(d.weight()));
            if (!d.premises().isEmpty()) {
                out.append(" x ").append(weakest);
            }
            out.append(" = ").append(format(d.likelihood())).append('\n');
            out.append(pad).append("    \u201c").append(d.rule().quote()).append("\u201d [")
                    .append(d.rule().source()).append("]\n");
            for (Node premise : d.premises()) {
                node(out, premise, depth + 3, shown);
            }
            for (String absent : d.absent()) {
                out.append(pad).append("      absent: ").append(absent).append('\n');
            }
        }
    }

    /** A likelihood to at most three decimals, as the JSON answers show it: {@code 0.81}, {@code 1.0}. */
    public static String format(double likelihood) {
        return Double.toString(JsonOutput.round(likelihood));
    }
}
