package org.policyadvisor.graph;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.policyadvisor.Assessment;
import org.policyadvisor.Condition;
import org.policyadvisor.Consequence;
import org.policyadvisor.Contest;
import org.policyadvisor.FactTypeSpec;
import org.policyadvisor.Vocabulary;
import org.policyadvisor.Derivation;
import org.policyadvisor.Given;
import org.policyadvisor.Node;
import org.policyadvisor.Rule;
import org.policyadvisor.render.TextRenderer;

/**
 * The graphs worth drawing: the causal network of a rule base, and the derivations of one assessment.
 * Render them with {@link Dot} or {@link Mermaid}.
 */
public final class CausalGraph {

    private CausalGraph() {
    }

    /**
     * Fact types as nodes (rounded when some rule concludes them), and for each rule one edge from each
     * type it needs to each type it concludes, labelled {@code id (hedge)}; dashed from a type the rule
     * needs absent. Nodes by type name, edges by source, target and label.
     */
    public static Graph network(List<Rule> rules) {
        return network(rules, null);
    }

    /**
     * As {@link #network(List)}, and a dashed edge labelled {@code opposes} between two types the vocabulary declares
     * opposite ({@code @opposite}), drawn once, from the type first by name: claims concluding them disagree.
     */
    public static Graph network(List<Rule> rules, Vocabulary vocabulary) {
        Set<String> concluded = new HashSet<>();
        Set<String> types = new TreeSet<>();
        for (Rule r : rules) {
            concluded.addAll(r.concludes());
            r.conditions().forEach(c -> types.add(c.type()));
            types.addAll(r.concludes());
        }
        Graph.Builder graph = Graph.builder("causal-network");
        types.forEach(t -> graph.node(t, t, concluded.contains(t) ? Graph.Shape.ROUNDED : Graph.Shape.BOX));
        record Link(String from, String to, String label, boolean dashed) {
        }
        Set<Link> links = new TreeSet<>(Comparator.comparing(Link::from).thenComparing(Link::to)
                .thenComparing(Link::label).thenComparing(Link::dashed));
        for (Rule r : rules) {
            String label = r.id() + " (" + r.hedge().word() + ")";
            for (Condition c : r.conditions()) {
                r.concludes().forEach(to -> links.add(new Link(c.type(), to, label, c.absent())));
            }
        }
        if (vocabulary != null) {
            for (FactTypeSpec t : vocabulary.types()) {
                String other = t.opposite();
                if (!other.isEmpty() && types.contains(t.name()) && types.contains(other)) {
                    String from = t.name().compareTo(other) < 0 ? t.name() : other;
                    links.add(new Link(from, from.equals(other) ? t.name() : other, "opposes", true));
                }
            }
        }
        links.forEach(l -> graph.edge(l.from(), l.to(), l.label(), l.dashed()));
        return graph.build();
    }

    /**
     * The given facts (boxes) and the consequences (rounded, with their likelihood) of one assessment,
     * with an edge from each premise of each derivation to what it derives, labelled with the rule id and
     * the derivation's likelihood; the absences a derivation relied on are dashed edges from a
     * {@code not ...} node; two opposite facts that both hold are joined by a dashed edge labelled {@code contested}. In
     * the assessment's order.
     */
    public static Graph derivation(Assessment assessment) {
        Graph.Builder graph = Graph.builder("derivation");
        for (Given g : assessment.given()) {
            graph.node(g.id(), g.fact().toString(), Graph.Shape.BOX);
        }
        for (Consequence c : assessment.consequences()) {
            graph.node(c.id(), c.fact() + " " + TextRenderer.format(c.likelihood()), Graph.Shape.ROUNDED);
        }
        for (Consequence c : assessment.consequences()) {
            for (Derivation d : c.derivations()) {
                String label = d.rule().id() + " " + TextRenderer.format(d.likelihood());
                for (Node premise : d.premises()) {
                    graph.edge(premise.id(), c.id(), label, false);
                }
                for (String absent : d.absent()) {
                    graph.node("absent " + absent, absent, Graph.Shape.BOX);
                    graph.edge("absent " + absent, c.id(), label, true);
                }
            }
        }
        for (Contest contest : assessment.contested()) {
            graph.edge(contest.one().id(), contest.other().id(), "contested", true);
        }
        return graph.build();
    }
}
