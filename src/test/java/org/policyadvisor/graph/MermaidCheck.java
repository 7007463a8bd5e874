package org.policyadvisor.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Mermaid flowchart subset the renderer emits: the header {@code flowchart LR},
 * node declarations {@code id["label"]} or {@code id("label")}, and edges {@code a -->|"label"| b} or
 * {@code a -.->|"label"| b}. Any other line, unbalanced brackets, a raw quote or pipe in a label, or an
 * edge to an undeclared node fails.
 */
public final class MermaidCheck {

    public record Edge(String from, String to, String label, boolean dashed) {
    }

    public record Parsed(Map<String, String> nodes, List<Edge> edges) {
    }

    private static final String ID = "([A-Za-z][A-Za-z0-9_]*)";
    private static final String LABEL = "\"((?:[^\"|#<>]|#[A-Za-z0-9]+;)*)\"";
    private static final Pattern NODE = Pattern.compile("    " + ID + "(?:\\[" + LABEL + "\\]|\\(" + LABEL + "\\))");
    private static final Pattern EDGE = Pattern.compile("    " + ID + " (-->|-\\.->)\\|" + LABEL + "\\| " + ID);
    private static final Set<String> RESERVED = Set.of("end", "graph", "flowchart", "subgraph", "style", "class",
            "classdef", "click", "linkstyle", "direction", "default");

    private MermaidCheck() {
    }

    public static Parsed parse(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        if (lines.isEmpty() || !lines.get(0).equals("flowchart LR")) {
            throw new AssertionError("first line is not 'flowchart LR': " + lines.get(0));
        }
        if (!lines.get(lines.size() - 1).isEmpty()) {
            throw new AssertionError("no line break after the last line");
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            String where = "line " + (i + 1) + ": " + line;
            balanced(line, where);
            Matcher node = NODE.matcher(line);
            Matcher edge = EDGE.matcher(line);
            if (node.matches()) {
                if (RESERVED.contains(node.group(1).toLowerCase())) {
                    throw new AssertionError("reserved word as node id, " + where);
                }
                if (nodes.put(node.group(1), node.group(2) != null ? node.group(2) : node.group(3)) != null) {
                    throw new AssertionError("node declared twice, " + where);
                }
            } else if (edge.matches()) {
                for (String id : List.of(edge.group(1), edge.group(4))) {
                    if (!nodes.containsKey(id)) {
                        throw new AssertionError("undeclared node '" + id + "', " + where);
                    }
                }
                edges.add(new Edge(edge.group(1), edge.group(4), edge.group(3), edge.group(2).equals("-.->")));
            } else {
                throw new AssertionError("unparseable " + where);
            }
        }
        return new Parsed(nodes, edges);
    }

    /** Brackets outside quoted labels must pair up, and quotes must close. */
    static void balanced(String line, String where) {
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                if (open.isEmpty() || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
                    throw new AssertionError("unbalanced '" + c + "', " + where);
                }
                open.setLength(open.length() - 1);
            }
        }
        if (quoted || !open.isEmpty()) {
            throw new AssertionError("unclosed " + (quoted ? "quote" : "'" + open + "'") + ", " + where);
        }
    }
}
