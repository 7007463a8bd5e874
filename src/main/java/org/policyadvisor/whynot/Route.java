package org.policyadvisor.whynot;

import java.util.Collection;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;

import org.policyadvisor.FactPattern;
import org.policyadvisor.Node;

/** A set of facts to assert and facts to withdraw, while the search combines them; keyed for a stable order. */
record Route(SortedMap<String, FactPattern> facts, SortedMap<String, Node> withdraw) {

    static final Route EMPTY = new Route(new TreeMap<>(), new TreeMap<>());

    /** Smallest first, then by the facts' text, then by the withdrawn facts' ids. */
    static final Comparator<Route> ORDER = Comparator.comparingInt(Route::size)
            .thenComparing(r -> String.join("|", r.facts.keySet()))
            .thenComparing(r -> String.join("|", r.withdraw.keySet()));

    static Route asserting(FactPattern pattern) {
        SortedMap<String, FactPattern> facts = new TreeMap<>();
        facts.put(pattern.toString(), pattern);
        return new Route(facts, new TreeMap<>());
    }

    static Route withdrawing(Collection<Node> nodes) {
        SortedMap<String, Node> withdraw = new TreeMap<>();
        nodes.forEach(n -> withdraw.put(n.id(), n));
        return new Route(new TreeMap<>(), withdraw);
    }

    int size() {
        return facts.size() + withdraw.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }

    Route plus(Route other) {
        SortedMap<String, FactPattern> f = new TreeMap<>(facts);
        f.putAll(other.facts);
        SortedMap<String, Node> w = new TreeMap<>(withdraw);
        w.putAll(other.withdraw);
        return new Route(f, w);
    }

    /** True when this route asks for everything the other asks for (and perhaps more). */
    boolean covers(Route other) {
        return facts.keySet().containsAll(other.facts.keySet()) && withdraw.keySet().containsAll(other.withdraw.keySet());
    }
}
