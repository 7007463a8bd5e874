package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.policyadvisor.Hedge;

/** Every rule needs an {@code @id} no other rule has, a {@code @quote}, and a known {@code @hedge}. */
final class MetadataLint {

    static final String HEDGES = Arrays.stream(Hedge.values()).map(Hedge::word).collect(Collectors.joining(", "));

    private MetadataLint() {
    }

    static List<Diagnostic> check(List<Claim> claims) {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, Claim> byId = new HashMap<>();
        for (Claim c : claims) {
            String id = c.id();
            if (id.isBlank()) {
                found.add(Diagnostic.error(c.file(), c.line(), 1, "rule '" + c.name() + "' has no @id", ""));
            } else if (byId.containsKey(id)) {
                Claim first = byId.get(id);
                found.add(Diagnostic.error(c.file(), c.lineOf("id"), c.colOf("id"), "duplicate @id(\"" + id
                        + "\"): rule '" + first.name() + "' at " + first.file() + ":" + first.line() + " has it too", id));
            } else {
                byId.put(id, c);
            }
            if (c.quote().isBlank()) {
                found.add(Diagnostic.error(c.file(), c.line(), 1, "rule '" + c.name() + "' has no @quote", id));
            }
            if (!c.has("hedge")) {
                found.add(Diagnostic.error(c.file(), c.line(), 1,
                        "rule '" + c.name() + "' has no @hedge; expected one of " + HEDGES, id));
            } else if (Hedge.fromWord(c.hedge()).isEmpty()) {
                found.add(Diagnostic.error(c.file(), c.lineOf("hedge"), c.colOf("hedge"), "rule '" + c.name()
                        + "' has unknown @hedge(\"" + c.hedge() + "\"); expected one of " + HEDGES, id));
            }
        }
        return found;
    }
}
