package org.policyadvisor.graph;

/** Graphviz DOT: {@code dot -Tsvg} draws it. Every label is a quoted, escaped string. */
public final class Dot {

    private Dot() {
    }

    public static String render(Graph graph) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(graph.name())).append(" {\n");
        out.append("  rankdir=LR;\n");
        out.append("  node [shape=box, fontname=\"Helvetica\"];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (Graph.Node n : graph.nodes()) {
            out.append("  ").append(n.id()).append(" [label=").append(quote(n.label()));
            if (n.shape() == Graph.Shape.ROUNDED) {
                out.append(", style=rounded");
            }
            out.append("];\n");
        }
        for (Graph.Edge e : graph.edges()) {
            out.append("  ").append(e.from()).append(" -> ").append(e.to()).append(" [label=").append(quote(e.label()));
            if (e.dashed()) {
                out.append(", style=dashed");
            }
            out.append("];\n");
        }
        return out.append("}\n").toString();
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\R", "\\\\n") + "\"";
    }
}
