package org.policyadvisor.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A directed graph ready to draw: nodes with safe ids (letters, digits and {@code _}, starting with a
 * letter), labels as plain text, and labelled edges, solid or dashed. Order is the order of building.
 */
public record Graph(String name, List<Graph.Node> nodes, List<Graph.Edge> edges) {

    /** A box for what is given (or never concluded), a rounded box for what rules conclude. */
    public enum Shape { BOX, ROUNDED }

    public record Node(String id, String label, Shape shape) {
        public Node {
            Objects.requireNonNull(id, "id must not be null");
            Objects.requireNonNull(label, "label must not be null");
            Objects.requireNonNull(shape, "shape must not be null");
        }
    }

    /** An edge; dashed means the rule needs its source to be absent, or the two ends oppose each other. */
    public record Edge(String from, String to, String label, boolean dashed) {
        public Edge {
            Objects.requireNonNull(from, "from must not be null");
            Objects.requireNonNull(to, "to must not be null");
            Objects.requireNonNull(label, "label must not be null");
        }
    }

    public Graph {
        Objects.requireNonNull(name, "name must not be null");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> {
            if (!ids.add(n.id())) {
                throw new IllegalArgumentException("duplicate node id " + n.id());
            }
        });
        edges.forEach(e -> {
            if (!ids.contains(e.from()) || !ids.contains(e.to())) {
                throw new IllegalArgumentException("edge " + e + " joins undeclared nodes");
            }
        });
    }

    static Builder builder(String name) {
        return new Builder(name);
    }

    /** Gives each node, known by a key of any text, a safe and unique id; drops repeated edges. */
    static final class Builder {

        private static final Set<String> RESERVED = Set.of("node", "edge", "graph", "digraph", "subgraph", "strict",
                "end", "flowchart", "style", "class", "classdef", "click", "linkstyle", "direction", "default");

        private final String name;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final Set<String> ids = new HashSet<>();
        private final Set<Edge> edges = new LinkedHashSet<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Adds the node once; later calls with the same key return its id. */
        String node(String key, String label, Shape shape) {
            Node existing = nodes.get(key);
            if (existing != null) {
                return existing.id();
            }
            String base = safeId(key);
            String id = base;
            for (int n = 2; !ids.add(id); n++) {
                id = base + "_" + n;
            }
            nodes.put(key, new Node(id, label, shape));
            return id;
        }

        void edge(String fromKey, String toKey, String label, boolean dashed) {
            edges.add(new Edge(idOf(fromKey), idOf(toKey), label, dashed));
        }

        private String idOf(String key) {
            Node node = nodes.get(key);
            if (node == null) {
                throw new IllegalStateException("no node " + key);
            }
            return node.id();
        }

        Graph build() {
            return new Graph(name, new ArrayList<>(nodes.values()), new ArrayList<>(edges));
        }

        /**
         * Letters, digits and single underscores, starting with a letter and not a word DOT or Mermaid
         * reserves (DOT's are case-insensitive); else prefixed with {@code n_}.
         */
        static String safeId(String key) {
            String id = key.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
            boolean safe = !id.isEmpty() && Character.isLetter(id.charAt(0)) && !RESERVED.contains(id.toLowerCase(Locale.ROOT));
            return safe ? id : "n_" + id;
        }
    }
}
