package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Fixtures;
import org.policyadvisor.graph.DotCheck;
import org.policyadvisor.graph.MermaidCheck;

class GraphCommandTest {

    private final String miniRules = Fixtures.miniDir().resolve("rules").toString();
    private final String miniFacts = Fixtures.miniDir().resolve("facts").toString();

    @Test
    void dot_draws_each_rule_as_labelled_edges_from_its_premises_to_what_it_concludes() {
        CliRun run = CliRun.of("graph", "--rules", miniRules, "--format", "dot");

        assertThat(run.exitCode()).isZero();
        DotCheck.Parsed graph = DotCheck.parse(run.out());
        assertThat(graph.nodes().keySet())
                .containsExactlyInAnyOrder("ArmsTransfer", "AidRestraintLifted", "LethalAidConsidered", "EngagementPolicy");
        assertThat(graph.edges()).containsExactlyInAnyOrder(
                new DotCheck.Edge("ArmsTransfer", "AidRestraintLifted", "pw-unbind (will)", false),
                new DotCheck.Edge("ArmsTransfer", "AidRestraintLifted", "any-unbind (may)", false),
                new DotCheck.Edge("AidRestraintLifted", "LethalAidConsidered", "unbound-lethal (likely)", false),
                new DotCheck.Edge("EngagementPolicy", "LethalAidConsidered", "unbound-lethal (likely)", true));
    }

    @Test
    void without_rules_the_packaged_rules_are_drawn() {
        CliRun run = CliRun.of("graph", "--format", "dot");

        assertThat(run.exitCode()).isZero();
        DotCheck.Parsed graph = DotCheck.parse(run.out());
        assertThat(graph.edges()).isNotEmpty().allSatisfy(e -> assertThat(e.label())
                .matches("[a-z0-9-]+ \\((stated|will|expected|likely|may|could|alleged)\\)|opposes"));
    }

    @Test
    void mermaid_parses_and_has_the_same_nodes_and_edges_as_dot() {
        CliRun mermaid = CliRun.of("graph", "--rules", miniRules, "--format", "mermaid");
        CliRun dot = CliRun.of("graph", "--rules", miniRules);

        assertThat(mermaid.exitCode()).isZero();
        MermaidCheck.Parsed graph = MermaidCheck.parse(mermaid.out());
        assertThat(graph.nodes().keySet()).isEqualTo(DotCheck.parse(dot.out()).nodes().keySet());
        assertThat(graph.edges()).hasSameSizeAs(DotCheck.parse(dot.out()).edges()).hasSize(4);
    }

    @Test
    void what_if_draws_the_derivations_of_one_scenario_in_mermaid_and_dot() {
        CliRun mermaid = CliRun.of("what-if", "--rules", miniRules, "--format", "mermaid", miniFacts + "/precision.json");
        CliRun dot = CliRun.of("what-if", "--rules", miniRules, "--format", "dot", miniFacts + "/precision.json");

        assertThat(mermaid.exitCode()).isZero();
        assertThat(MermaidCheck.parse(mermaid.out()).edges())
                .contains(new MermaidCheck.Edge("g2", "c1", "pw-unbind 0.9", false),
                        new MermaidCheck.Edge("c1", "c2", "unbound-lethal 0.63", false))
                .anySatisfy(e -> assertThat(e.dashed()).isTrue());
        assertThat(DotCheck.parse(dot.out()).edges()).hasSize(MermaidCheck.parse(mermaid.out()).edges().size());
    }

    @Test
    void a_graph_of_a_difference_is_a_usage_error() {
        CliRun run = CliRun.of("what-if", "--rules", miniRules, "--format", "dot",
                "--baseline", miniFacts + "/base.json", miniFacts + "/precision.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot be combined with --baseline");
    }
}
