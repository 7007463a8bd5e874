package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cycles in the claim network: the graph of fact types in which each rule links each type it needs
 * to each type it concludes. Each elementary cycle is reported once, starting from its smallest type,
 * with the rules that make each of its links. A cycle is a warning: feedback loops exist, and truth
 * maintenance keeps them finite, but an analyst should mean them.
 */
final class CycleLint {

    /** Beyond this many cycles the search stops and says so. */
    static final int MAX_CYCLES = 100;
    private static final int MAX_STEPS = 1_000_000;

    private final Map<String, Map<String, List<Claim>>> links = new TreeMap<>();
    private final List<List<String>> cycles = new ArrayList<>();
    private int steps;

    private CycleLint(List<Claim> claims) {
        for (Claim c : claims) {
            for (String from : c.needs()) {
                for (String to : c.concludes()) {
                    links.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new ArrayList<>()).add(c);
                }
            }
        }
    }

    static List<Diagnostic> check(List<Claim> claims) {
        CycleLint lint = new CycleLint(claims);
        boolean complete = lint.search();
        List<Diagnostic> found = new ArrayList<>();
        for (List<String> cycle : lint.cycles) {
            found.add(lint.diagnostic(cycle));
        }
        if (!complete) {
            Claim first = claims.get(0);
            found.add(Diagnostic.warning(first.file(), first.line(), 1, "the claim network has more cycles than the "
                    + lint.cycles.size() + " reported; the search stopped there", ""));
        }
        return found;
    }

    /** Finds every elementary cycle, each once from its smallest type; false when it had to stop early. */
    private boolean search() {
        Set<String> nodes = new TreeSet<>(links.keySet());
        links.values().forEach(targets -> nodes.addAll(targets.keySet()));
        for (String start : nodes) {
            List<String> path = new ArrayList<>();
            path.add(start);
            if (!extend(start, path)) {
                return false;
            }
        }
        return true;
    }

    private boolean extend(String start, List<String> path) {
        String last = path.get(path.size() - 1);
        for (String next : links.getOrDefault(last, Map.of()).keySet()) {
            if (++steps > MAX_STEPS) {
                return false;
            }
            if (next.equals(start)) {
                if (cycles.size() == MAX_CYCLES) {
                    return false;
                }
                cycles.add(List.copyOf(path));
            } else if (next.compareTo(start) > 0 && !path.contains(next)) {
                path.add(next);
                boolean going = extend(start, path);
                path.remove(path.size() - 1);
                if (!going) {
                    return false;
                }
            }
        }
        return true;
    }

    private Diagnostic diagnostic(List<String> cycle) {
        StringBuilder text = new StringBuilder();
        Set<Claim> rules = new TreeSet<>(Comparator.comparing(Claim::file).thenComparingInt(Claim::line));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            String from = cycle.get(i);
            String to = cycle.get((i + 1) % cycle.size());
            for (Claim c : links.get(from).get(to)) {
                rules.add(c);
                if (!ids.contains(c.label())) {
                    ids.add(c.label());
                }
            }
            text.append(from).append(" -> ");
        }
        text.append(cycle.get(0));
        Claim at = rules.iterator().next();
        return Diagnostic.warning(at.file(), at.line(), 1, "cycle in the claim network: " + text
                + " (rules " + String.join(", ", ids) + ")", at.id());
    }
}
