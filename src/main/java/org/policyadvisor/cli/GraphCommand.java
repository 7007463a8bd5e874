package org.policyadvisor.cli;

import java.util.concurrent.Callable;

import org.policyadvisor.graph.CausalGraph;
import org.policyadvisor.graph.Dot;
import org.policyadvisor.graph.Graph;
import org.policyadvisor.graph.Mermaid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code graph}: the causal network of the rules, for Graphviz or Mermaid. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Print the causal network of the rules as a graph.",
                "Fact types are the nodes, with one edge per rule from each type it needs to each type it",
                "concludes, labelled 'id (hedge)'; dashed where the rule needs the type absent."})
final class GraphCommand implements Callable<Integer> {

    enum Format { dot, mermaid }

    @Mixin
    Options options;

    @Option(names = "--format", defaultValue = "dot", description = "dot or mermaid (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        org.policyadvisor.Advisor advisor = options.advisor();
        spec.commandLine().getOut().print(render(CausalGraph.network(advisor.rules(), advisor.vocabulary()),
                format == Format.mermaid));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String render(Graph graph, boolean mermaid) {
        return mermaid ? Mermaid.render(graph) : Dot.render(graph);
    }
}
