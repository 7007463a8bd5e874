package org.policyadvisor.decisions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a decision in a decision log and its rotated files, newest first. */
public final class DecisionLogReader {

    private DecisionLogReader() {
    }

    /** The JSON line of the decision with this id, if the log or one of its rotated files still holds it. */
    public static Optional<String> find(Path file, String decisionId) {
        String key = "{\"decisionId\":\"" + decisionId + "\"";
        for (Path f : DecisionLog.files(file)) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try (BufferedReader reader = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith(key)) {
                        return Optional.of(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return Optional.empty();
    }
}
