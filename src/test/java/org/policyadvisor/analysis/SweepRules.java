package org.policyadvisor.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.policyadvisor.Advisor;
import org.policyadvisor.Fact;
import org.policyadvisor.Fixtures;

/**
 * A small rule set in the claim language for sweeps: two ways to pressure, one of them blocked by talks; pressure
 * escalates unless a truce holds; food aid brings a truce. Five uncertain facts make 32 combinations.
 */
public final class SweepRules {

    public static final String VOCABULARY = """
            package sweep;
            declare Supply
                @doc("One actor supplies another.")
                supplier : String @key @actor
                recipient : String @key @actor
                kind : String @key @values("arms|fuel|food")
            end
            declare Talks
                @doc("One actor hosts talks with another.")
                host : String @key @actor
                guest : String @key @actor
            end
            declare Pressure
                @doc("An actor is under pressure.")
                actor : String @key @actor
            end
            declare Truce
                @doc("An actor keeps a truce.")
                actor : String @key @actor
            end
            declare Escalation
                @doc("An actor escalates.")
                actor : String @key @actor
            end
            """;

    public static final String ACTORS = """
            code,name
            KOR,South Korea
            PRK,North Korea
            RUS,Russia
            """;

    public static final String CLAIMS = """
            package sweep;

            rule "Arms put pressure on the recipient"
                @id("arms-pressure") @source("sweep") @quote("arms") @hedge("will")
            when
                Supply(kind == "arms", $r : recipient)
            then
                insertLogical(new Pressure($r));
            end

            rule "Fuel puts pressure on the recipient unless talks are held"
                @id("fuel-pressure") @source("sweep") @quote("fuel") @hedge("may")
            when
                Supply(kind == "fuel", $r : recipient)
                not Talks(host == "KOR")
            then
                insertLogical(new Pressure($r));
            end

            rule "Pressure escalates without a truce"
                @id("pressure-escalates") @source("sweep") @quote("escalates") @hedge("likely")
            when
                Pressure(actor == "PRK")
                not Truce(actor == "PRK")
            then
                insertLogical(new Escalation("PRK"));
            end

            rule "Food aid with talks brings a truce"
                @id("food-truce") @source("sweep") @quote("truce") @hedge("expected")
            when
                Supply(kind == "food", $r : recipient)
                Talks(host == "KOR", $g : guest)
            then
                insertLogical(new Truce($r));
            end
            """;

    private static Advisor advisor;

    private SweepRules() {
    }

    public static synchronized Advisor advisor() {
        if (advisor == null) {
            advisor = Advisor.builder().rulesFrom(dir()).build();
        }
        return advisor;
    }

    static Path dir() {
        return Fixtures.rulesDir(Map.of("vocabulary.drl", VOCABULARY, "actors.csv", ACTORS, "claims.drl", CLAIMS));
    }

    static Fact supply(String kind) {
        return Fact.of("Supply", Map.of("supplier", "RUS", "recipient", "PRK", "kind", kind));
    }

    static Fact talks(String guest) {
        return Fact.of("Talks", Map.of("host", "KOR", "guest", guest));
    }

    /** Arms, fuel, food, talks with Pyongyang, talks with Moscow. */
    public static List<Fact> uncertain() {
        return List.of(supply("arms"), supply("fuel"), supply("food"), talks("PRK"), talks("RUS"));
    }
}
