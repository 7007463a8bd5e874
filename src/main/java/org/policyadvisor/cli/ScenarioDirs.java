package org.policyadvisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.policyadvisor.NotFoundException;

/** Where the commands look for scenarios when {@code --facts} is not given. */
final class ScenarioDirs {

    private ScenarioDirs() {
    }

    /** {@code facts} next to the rules directory, or {@code facts} in the working directory for the packaged rules. */
    static Path of(Path facts, Path rules) {
        if (facts != null) {
            return facts;
        }
        if (rules != null) {
            Path parent = rules.toAbsolutePath().normalize().getParent();
            return parent == null ? Path.of("facts") : parent.resolve("facts");
        }
        return Path.of("facts");
    }

    /** As {@link #of}, and the folder must exist. */
    static Path existing(Path facts, Path rules) {
        Path dir = of(facts, rules);
        if (!Files.isDirectory(dir)) {
            throw new NotFoundException("no scenario folder " + dir + "; give one with --facts DIR");
        }
        return dir;
    }
}
