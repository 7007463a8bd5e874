package org.policyadvisor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.policyadvisor.Fact;
import org.policyadvisor.Scenario;

/**
 * Writes a synthetic rules directory in the conventions of {@code rules/}: chains of rules over a few
 * dozen declared types, each rule with {@code @id}, {@code @source}, {@code @quote} and {@code @hedge},
 * each concluding with {@code insertLogical}.
 *
 * <p>Rule {@code i} belongs to chain {@code c = i / 10} at step {@code p = i % 10}. It matches
 * {@code S<(c+p) mod 40>(actor, tag == "c<c>p<p>")} and concludes {@code S<(c+p+1) mod 40>(actor, "c<c>p<p+1>")},
 * so one seed fact {@code tag == "c<c>p0"} fires its whole chain. Step 4 also joins the chain's seed on
 * the same actor, and step 6 requires the absence of a blocker fact: joins and {@code not} as in the article's rules.
 */
public final class SyntheticRules {

    public static final int TYPES = 40;
    public static final int CHAIN = 10;
    private static final int RULES_PER_FILE = 500;
    private static final List<String> ACTORS = List.of("RUS", "PRK", "KOR", "USA", "JPN", "CHN", "UKR");

    private SyntheticRules() {
    }

    /** Writes {@code rules} rules (a multiple of {@value #CHAIN}) into a new temporary directory. */
    public static Path writeTemp(int rules) {
        try {
            Path dir = Files.createTempDirectory("synthetic-rules-" + rules + "-");
            write(dir, rules);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path dir, int rules) throws IOException {
        if (rules <= 0 || rules % CHAIN != 0) {
            throw new IllegalArgumentException("rules must be a positive multiple of " + CHAIN + ", was " + rules);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("vocabulary.drl"), vocabulary(), StandardCharsets.UTF_8);
        StringBuilder actors = new StringBuilder("code,name\n");
        ACTORS.forEach(a -> actors.append(a).append(',').append(a).append('\n'));
        Files.writeString(dir.resolve("actors.csv"), actors, StandardCharsets.UTF_8);
        for (int from = 0, file = 0; from < rules; from += RULES_PER_FILE, file++) {
            StringBuilder drl = new StringBuilder("package policy\n\n");
            for (int i = from; i < Math.min(rules, from + RULES_PER_FILE); i++) {
                rule(drl, i);
            }
            Files.writeString(dir.resolve(String.format("chains-%03d.drl", file)), drl, StandardCharsets.UTF_8);
        }
    }

    /**
     * Seeds {@code seeds} chains spread evenly over the rule set, each for one actor: every seeded chain
     * fires all of its {@value #CHAIN} rules.
     */
    public static Scenario scenario(int rules, int seeds) {
        int chains = rules / CHAIN;
        List<Fact> facts = new ArrayList<>();
        for (int s = 0; s < Math.min(seeds, chains); s++) {
            int c = (int) ((long) s * chains / Math.min(seeds, chains));
            facts.add(Fact.of(type(c), Map.of("actor", ACTORS.get(s % ACTORS.size()), "tag", tag(c, 0))));
        }
        return new Scenario("synthetic-" + rules, "Seeds " + facts.size() + " synthetic chains", facts);
    }

    private static String vocabulary() {
        StringBuilder drl = new StringBuilder("package policy\n\n");
        for (int t = 0; t < TYPES; t++) {
            drl.append("declare ").append(typeName(t)).append('\n')
                    .append("    @doc(\"Synthetic stage ").append(t).append(".\")\n")
                    .append("    actor : String @key @actor @doc(\"Who the stage concerns.\")\n")
                    .append("    tag : String @key @doc(\"Chain and step, e.g. c12p3.\")\n")
                    .append("end\n\n");
        }
        return drl.toString();
    }

    private static void rule(StringBuilder drl, int i) {
        int c = i / CHAIN;
        int p = i % CHAIN;
        drl.append("rule \"Chain ").append(c).append(" step ").append(p).append("\"\n")
                .append("    @id(\"chain-").append(c).append("-step-").append(p).append("\")\n")
                .append("    @source(\"synthetic\")\n")
                .append("    @quote(\"step ").append(p).append(" of chain ").append(c).append(" leads to the next\")\n")
                .append("    @hedge(\"likely\")\n")
                .append("when\n")
                .append("    ").append(type(c + p)).append("($a : actor, tag == \"").append(tag(c, p)).append("\")\n");
        if (p == 4) {
            drl.append("    ").append(type(c)).append("(actor == $a, tag == \"").append(tag(c, 0)).append("\")\n");
        }
        if (p == 6) {
            drl.append("    not ").append(type(c + 1)).append("(actor == $a, tag == \"blocked-").append(c).append("\")\n");
        }
        drl.append("then\n")
                .append("    insertLogical(new ").append(type(c + p + 1)).append("($a, \"").append(tag(c, p + 1)).append("\"));\n")
                .append("end\n\n");
    }

    private static String type(int n) {
        return typeName(n % TYPES);
    }

    private static String typeName(int t) {
        return String.format("S%02d", t);
    }

    private static String tag(int c, int p) {
        return "c" + c + "p" + p;
    }

    /** {@code SyntheticRules DIR RULES}: writes a rules directory for inspection or for other tools. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticRules DIR RULES");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }
}
