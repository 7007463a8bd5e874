package org.policyadvisor.engine;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.policyadvisor.InvalidRulesException;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;

/** Reads {@code actors.csv}: a header {@code code,name}, then one actor a line. */
final class Actors {

    static final String FILE = "actors.csv";

    private Actors() {
    }

    static SortedMap<String, String> read(RuleSources sources) {
        SortedMap<String, String> actors = new TreeMap<>();
        RuleSources.File file = sources.file(FILE).orElse(null);
        if (file == null) {
            return actors;
        }
        String[] lines = file.text().split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma <= 0) {
                throw new InvalidRulesException(List.of(new Problem(FILE + ":" + (i + 1) + ":1",
                        "expected 'code,name'")));
            }
            actors.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip());
        }
        return actors;
    }
}
