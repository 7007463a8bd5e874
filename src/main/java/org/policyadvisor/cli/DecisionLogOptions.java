package org.policyadvisor.cli;

import java.nio.file.Path;

import org.policyadvisor.decisions.DecisionLog;
import picocli.CommandLine.Option;

/** {@code serve}'s options of the decision log. */
final class DecisionLogOptions {

    enum Inputs { full, hash }

    @Option(names = "--decision-log", paramLabel = "FILE",
            description = "Append one JSON line per what-if and why-not to this file.")
    Path file;

    @Option(names = "--decision-log-inputs", paramLabel = "full|hash", defaultValue = "full",
            description = "Log the input facts in full, or only their SHA-256 (default: ${DEFAULT-VALUE}).")
    Inputs inputs;

    @Option(names = "--decision-log-max-bytes", paramLabel = "BYTES", defaultValue = "67108864",
            description = "Rotate the decision log when it would grow past this size (default: ${DEFAULT-VALUE}, "
                    + "64 MiB).")
    long maxBytes;

    @Option(names = "--decision-log-keep", paramLabel = "N", defaultValue = "5",
            description = "Rotated files kept: FILE.1 (newest) to FILE.N (default: ${DEFAULT-VALUE}).")
    int keep;

    /** The decision log asked for, or null for none. */
    DecisionLog open() {
        return file == null ? null : new DecisionLog(file, maxBytes, keep, inputs == Inputs.hash);
    }
}
