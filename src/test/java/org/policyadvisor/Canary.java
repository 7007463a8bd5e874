package org.policyadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the hostile rule files try to reach. Loading this class sets a system property; each method writes a file
 * under {@code target/canary} and sets a property of its own. If any of them ever shows up, rule text ran. Tests
 * name it only as text, since touching it would load it.
 */
public final class Canary {

    public static final String LOADED = "policyadvisor.canary.loaded";
    public static final Path DIR = Path.of("target", "canary");

    static {
        System.setProperty(LOADED, "yes");
        write("class");
    }

    private Canary() {
    }

    public static boolean touch(String who) {
        System.setProperty("policyadvisor.canary." + who, "ran");
        write(who);
        return true;
    }

    public static String name(String who) {
        touch(who);
        return "RUS";
    }

    public static List<Object> causes(String who) {
        touch(who);
        return List.of();
    }

    private static void write(String who) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(who), "ran");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
