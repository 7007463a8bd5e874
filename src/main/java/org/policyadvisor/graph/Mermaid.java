package org.policyadvisor.graph;

/**
 * Mermaid ({@code flowchart LR}), for Markdown viewers that draw it. Labels are quoted, with the
 * characters Mermaid would read as syntax written as entity codes ({@code #quot;}).
 */
public final class Mermaid {

    private Mermaid() {
    }

    public static String render(Graph graph) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Graph.Node n : graph.nodes()) {
            String label = quote(n.label());
            out.append("    ").append(n.id())
                    .append(n.shape() == Graph.Shape.ROUNDED ? "(" + label + ")" : "[" + label + "]").append('\n');
        }
        for (Graph.Edge e : graph.edges()) {
            out.append("    ").append(e.from()).append(e.dashed() ? " -.->|" : " -->|").append(quote(e.label()))
                    .append("| ").append(e.to()).append('\n');
        }
        return out.toString();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '#' -> out.append("#35;");
                case '"' -> out.append("#quot;");
                case '&' -> out.append("#38;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '|' -> out.append("#124;");
                case '`' -> out.append("#96;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
