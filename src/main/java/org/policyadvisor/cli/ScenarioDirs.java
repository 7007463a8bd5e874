package org.policyadvisor.cli;

import java.nio.file.Path;

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
}
