package org.policyadvisor.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the DOT the renderer emits: {@code digraph "name" {}, graph/node/edge attribute
 * statements, node statements with a quoted label, edge statements between declared nodes, {@code }}.
 * Braces and brackets outside quoted strings must balance; any other line fails.
 */
public final class DotCheck {

    public record Edge(String from, String to, String label, boolean dashed) {
    }

    public record Parsed(Map<String, String> nodes, List<Edge> edges) {
    }

    private static final String ID = "([A-Za-z][A-Za-z0-9_]*)";
    private static final String QUOTED = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern HEADER = Pattern.compile("digraph " + QUOTED + " \\{");
    private static final Pattern ATTRIBUTES = Pattern.compile("  (rankdir=LR|(node|edge) \\[[^\\]]*\\]);");
    private static final Pattern NODE = Pattern.compile("  " + ID + " \\[label=" + QUOTED + "(, style=rounded)?\\];");
    private static final Pattern EDGE = Pattern.compile("  " + ID + " -> " + ID + " \\[label=" + QUOTED
            + "(, style=dashed)?\\];");

    private DotCheck() {
    }

    public static Parsed parse(String text) {
        balanced(text);
        List<String> lines = List.of(text.split("\n", -1));
        if (!HEADER.matcher(lines.get(0)).matches()) {
            throw new AssertionError("not a digraph header: " + lines.get(0));
        }
        if (lines.size() < 3 || !lines.get(lines.size() - 2).equals("}") || !lines.get(lines.size() - 1).isEmpty()) {
            throw new AssertionError("does not end with '}' and a line break");
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < lines.size() - 2; i++) {
            String line = lines.get(i);
            String where = "line " + (i + 1) + ": " + line;
            Matcher node = NODE.matcher(line);
            Matcher edge = EDGE.matcher(line);
            if (ATTRIBUTES.matcher(line).matches()) {
                continue;
            }
            if (node.matches()) {
                if (nodes.put(node.group(1), node.group(2)) != null) {
                    throw new AssertionError("node declared twice, " + where);
                }
            } else if (edge.matches()) {
                for (String id : List.of(edge.group(1), edge.group(2))) {
                    if (!nodes.containsKey(id)) {
                        throw new AssertionError("undeclared node '" + id + "', " + where);
                    }
                }
                edges.add(new Edge(edge.group(1), edge.group(2), edge.group(3), edge.group(4) != null));
            } else {
                throw new AssertionError("unparseable " + where);
            }
        }
        return new Parsed(nodes, edges);
    }

    private static void balanced(String text) {
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "[{".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && "]}".indexOf(c) >= 0) {
                if (open.isEmpty() || "[{".indexOf(open.charAt(open.length() - 1)) != "]}".indexOf(c)) {
                    throw new AssertionError("unbalanced '" + c + "' at offset " + i);
                }
                open.setLength(open.length() - 1);
            }
        }
        if (quoted || !open.isEmpty()) {
            throw new AssertionError("unclosed " + (quoted ? "quote" : "'" + open + "'"));
        }
    }
}
