package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.RuleSources;

/**
 * The actor codes of {@code actors.csv}: a header {@code code,name}, then one actor a line, in the order that
 * symmetric facts put their actors in.
 */
public record ActorList(Map<String, String> names, List<Diagnostic> problems) {

    public static final String FILE = "actors.csv";

    public ActorList {
        names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
        problems = List.copyOf(problems);
    }

    public static ActorList read(RuleSources sources) {
        Map<String, String> names = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        RuleSources.File file = sources.file(FILE).orElse(null);
        if (file == null) {
            return new ActorList(names, List.of(Diagnostic.error(FILE, 1, 1, "no actor list: write the actor codes"
                    + " in " + FILE + " (code,name)", "")));
        }
        String[] lines = file.text().split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.indexOf(',');
            String code = comma > 0 ? line.substring(0, comma).strip() : "";
            if (!code.matches("[A-Z][A-Z0-9]*")) {
                problems.add(Diagnostic.error(FILE, i + 1, 1, "expected 'CODE,name' with a code in capitals", ""));
            } else if (names.containsKey(code)) {
                problems.add(Diagnostic.error(FILE, i + 1, 1, "actor " + code + " is listed twice", ""));
            } else {
                names.put(code, line.substring(comma + 1).strip());
            }
        }
        return new ActorList(names, problems);
    }
}
