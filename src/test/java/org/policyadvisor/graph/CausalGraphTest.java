package org.policyadvisor.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Rule;
import org.policyadvisor.Scenario;

class CausalGraphTest {

    @Test
    void the_network_has_one_edge_per_rule_from_each_needed_type_to_each_concluded_type() {
        String dot = Dot.render(CausalGraph.network(Fixtures.mini().rules()));

        assertThat(dot).isEqualTo("""
                digraph "causal-network" {
                  rankdir=LR;
                  node [shape=box, fontname="Helvetica"];
                  edge [fontname="Helvetica", fontsize=10];
                  AidRestraintLifted [label="AidRestraintLifted", style=rounded];
                  ArmsTransfer [label="ArmsTransfer"];
                  EngagementPolicy [label="EngagementPolicy"];
                  LethalAidConsidered [label="LethalAidConsidered", style=rounded];
                  AidRestraintLifted -> LethalAidConsidered [label="unbound-lethal (likely)"];
                  ArmsTransfer -> AidRestraintLifted [label="any-unbind (may)"];
                  ArmsTransfer -> AidRestraintLifted [label="pw-unbind (will)"];
                  EngagementPolicy -> LethalAidConsidered [label="unbound-lethal (likely)", style=dashed];
                }
                """);
    }

    @Test
    void the_network_in_mermaid_draws_absences_dashed() {
        String mermaid = Mermaid.render(CausalGraph.network(Fixtures.mini().rules()));

        assertThat(mermaid).startsWith("flowchart LR\n")
                .contains("    ArmsTransfer[\"ArmsTransfer\"]\n")
                .contains("    AidRestraintLifted(\"AidRestraintLifted\")\n")
                .contains("    EngagementPolicy -.->|\"unbound-lethal (likely)\"| LethalAidConsidered\n");
        assertThat(MermaidCheck.parse(mermaid).edges()).hasSize(4);
    }

    @Test
    void the_rendering_does_not_depend_on_the_order_of_the_rules() {
        List<Rule> reversed = new ArrayList<>(Fixtures.mini().rules());
        Collections.reverse(reversed);

        assertThat(Dot.render(CausalGraph.network(reversed)))
                .isEqualTo(Dot.render(CausalGraph.network(Fixtures.mini().rules())));
        assertThat(Mermaid.render(CausalGraph.network(reversed)))
                .isEqualTo(Mermaid.render(CausalGraph.network(Fixtures.mini().rules())));
    }

    @Test
    void the_derivation_graph_links_premises_to_consequences_with_rule_and_likelihood() {
        Assessment a = Fixtures.mini().assess(Scenario.of("pw", List.of(Fixtures.transfer("precision-weapons"))));

        MermaidCheck.Parsed graph = MermaidCheck.parse(Mermaid.render(CausalGraph.derivation(a)));

        assertThat(graph.nodes()).containsEntry("g1", "ArmsTransfer(category=precision-weapons, recipient=PRK, supplier=RUS)")
                .containsEntry("c1", "AidRestraintLifted(actor=KOR, recipient=UKR) 0.9")
                .containsEntry("c2", "LethalAidConsidered(recipient=UKR, supplier=KOR) 0.63")
                .containsEntry("absent_not_EngagementPolicy_actor_KOR", "not EngagementPolicy(actor == #quot;KOR#quot;)");
        assertThat(graph.edges()).containsExactly(
                new MermaidCheck.Edge("g1", "c1", "any-unbind 0.5", false),
                new MermaidCheck.Edge("g1", "c1", "pw-unbind 0.9", false),
                new MermaidCheck.Edge("c1", "c2", "unbound-lethal 0.63", false),
                new MermaidCheck.Edge("absent_not_EngagementPolicy_actor_KOR", "c2", "unbound-lethal 0.63", true));
        assertThat(DotCheck.parse(Dot.render(CausalGraph.derivation(a))).edges()).hasSize(4);
    }

    @Test
    void labels_are_escaped_for_both_formats() {
        Graph.Builder builder = Graph.builder("odd \"name\"");
        builder.node("a", "say \"hi\" | <b> & #1 \\ back\nslash", Graph.Shape.BOX);
        builder.node("b", "[brackets] (parens) {braces}", Graph.Shape.ROUNDED);
        builder.edge("a", "b", "x|y \"z\"", true);
        Graph graph = builder.build();

        String dot = Dot.render(graph);
        String mermaid = Mermaid.render(graph);

        assertThat(DotCheck.parse(dot).nodes()).containsEntry("a", "say \\\"hi\\\" | <b> & #1 \\\\ back\\nslash");
        assertThat(MermaidCheck.parse(mermaid).nodes())
                .containsEntry("a", "say #quot;hi#quot; #124; #lt;b#gt; #38; #35;1 \\ back slash")
                .containsEntry("b", "[brackets] (parens) {braces}");
        assertThat(MermaidCheck.parse(mermaid).edges()).singleElement()
                .isEqualTo(new MermaidCheck.Edge("a", "b", "x#124;y #quot;z#quot;", true));
    }

    @Test
    void node_ids_are_sanitised_unique_and_never_reserved_words() {
        Graph.Builder builder = Graph.builder("g");

        assertThat(builder.node("a b-c", "1", Graph.Shape.BOX)).isEqualTo("a_b_c");
        assertThat(builder.node("a_b_c", "2", Graph.Shape.BOX)).isEqualTo("a_b_c_2");
        assertThat(builder.node("end", "3", Graph.Shape.BOX)).isEqualTo("n_end");
        assertThat(builder.node("Node", "4", Graph.Shape.BOX)).isEqualTo("n_Node");
        assertThat(builder.node("1st", "5", Graph.Shape.BOX)).isEqualTo("n_1st");
        assertThat(builder.node("a b-c", "again", Graph.Shape.BOX)).isEqualTo("a_b_c");
    }

    @Test
    void the_mermaid_reader_is_strict() {
        assertThatThrownBy(() -> MermaidCheck.parse("graph TD\n")).hasMessageContaining("flowchart LR");
        assertThatThrownBy(() -> MermaidCheck.parse("flowchart LR\n    a[\"x\"]\n    a --> b\n"))
                .hasMessageContaining("unparseable line 3");
        assertThatThrownBy(() -> MermaidCheck.parse("flowchart LR\n    a[\"x\"]\n    a -->|\"l\"| b\n"))
                .hasMessageContaining("undeclared node 'b'");
        assertThatThrownBy(() -> MermaidCheck.parse("flowchart LR\n    a[\"x\"\n")).hasMessageContaining("unclosed '['");
        assertThatThrownBy(() -> MermaidCheck.parse("flowchart LR\n    a[\"x\"y\"]\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> MermaidCheck.parse("flowchart LR\n    end[\"x\"]\n")).hasMessageContaining("reserved");
    }

    @Test
    void the_dot_reader_is_strict() {
        assertThatThrownBy(() -> DotCheck.parse("digraph \"g\" {\n  a [label=\"x\"];\n  a -> b [label=\"l\"];\n}\n"))
                .hasMessageContaining("undeclared node 'b'");
        assertThatThrownBy(() -> DotCheck.parse("digraph \"g\" {\n  a [label=\"x\"];\n")).hasMessageContaining("unclosed '{'");
        assertThatThrownBy(() -> DotCheck.parse("digraph \"g\" {\n  a [label=\"x\"]\n}\n")).hasMessageContaining("unparseable");
    }
}
