package org.policyadvisor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.NotFoundException;
import org.policyadvisor.Problem;
import org.policyadvisor.analysis.BatchWhatIf;
import org.policyadvisor.render.AssessmentJson;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * {@code what-if --batch}: one compact JSON answer per line, in input order: the scenario files of a folder by name,
 * or the scenarios of a JSON Lines file (one scenario object per line; blank lines skipped). Each line names its
 * scenario ({@code "scenario"}: the file name, or {@code FILE:LINE}); a scenario that fails gets
 * {@code {"scenario", "error": {"code", "message", "errors"}}}.
 */
final class BatchLines {

    private final Advisor advisor;
    private final BatchWhatIf batch;
    private final AssessmentJson json = new AssessmentJson(false);

    BatchLines(Advisor advisor, BatchWhatIf batch) {
        this.advisor = advisor;
        this.batch = batch;
    }

    /** Prints every answer; returns the number of scenarios that failed. */
    int run(Path input, PrintWriter out, PrintWriter err) {
        ProgressBar bar = new ProgressBar(err, "what-if");
        AtomicInteger failed = new AtomicInteger();
        try {
            if (Files.isDirectory(input)) {
                ScenarioReader reader = new ScenarioReader(advisor.vocabulary(), input);
                List<String> names = reader.names();
                Iterator<BatchWhatIf.Input> inputs = names.stream()
                        .map(n -> new BatchWhatIf.Input(n, () -> reader.byName(n).scenario())).iterator();
                print(inputs, names.size(), out, failed, bar);
            } else {
                lines(input, out, failed, bar);
            }
        } finally {
            bar.finish();
        }
        return failed.get();
    }

    private void lines(Path file, PrintWriter out, AtomicInteger failed, ProgressBar bar) {
        ScenarioReader reader = new ScenarioReader(advisor.vocabulary(), file.toAbsolutePath().getParent());
        long total;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            total = lines.filter(l -> !l.isBlank()).count();
        } catch (IOException | UncheckedIOException e) {
            throw new NotFoundException("cannot read " + file + ": " + e.getMessage());
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String prefix = file.getFileName() + ":";
            Iterator<BatchWhatIf.Input> inputs = new Iterator<>() {
                private int number;
                private String line = advance();

                private String advance() {
                    try {
                        String next;
                        do {
                            next = in.readLine();
                            number++;
                        } while (next != null && next.isBlank());
                        return next;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return line != null;
                }

                @Override
                public BatchWhatIf.Input next() {
                    if (line == null) {
                        throw new NoSuchElementException();
                    }
                    String text = line;
                    String name = prefix + number;
                    line = advance();
                    return new BatchWhatIf.Input(name, () -> reader.parse(text, name).scenario());
                }
            };
            print(inputs, total, out, failed, bar);
        } catch (IOException e) {
            throw new NotFoundException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void print(Iterator<BatchWhatIf.Input> inputs, long total, PrintWriter out, AtomicInteger failed,
                       ProgressBar bar) {
        batch.progress(bar).run(inputs, total, this::line, line -> {
            if (line.failed()) {
                failed.incrementAndGet();
            }
            out.println(line.json());
        });
        out.flush();
    }

    private record Line(String json, boolean failed) {
    }

    /** One answer as one line of compact JSON; rendered on the worker thread that made it. */
    private Line line(BatchWhatIf.Answer a) {
        Map<String, String> header = Map.of("scenario", a.name());
        if (a.failed()) {
            return new Line(error(a.name(), a.error()), true);
        }
        byte[] bytes = a.comparison() != null ? json.comparison(header, a.comparison(), true)
                : json.assessment(header, a.assessment(), true);
        return new Line(new String(bytes, StandardCharsets.UTF_8), false);
    }

    private static String error(String name, AdvisorException e) {
        StringBuilder b = new StringBuilder("{\"scenario\":").append(quoted(name)).append(",\"error\":{\"code\":")
                .append(quoted(e.code().text())).append(",\"message\":").append(quoted(e.getMessage()))
                .append(",\"errors\":[");
        for (int i = 0; i < e.problems().size(); i++) {
            Problem p = e.problems().get(i);
            b.append(i == 0 ? "" : ",").append("{\"path\":").append(quoted(p.where())).append(",\"message\":")
                    .append(quoted(p.message())).append('}');
        }
        return b.append("]}}").toString();
    }

    private static String quoted(String text) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                .quoteAsString(text == null ? "" : text)) + "\"";
    }
}
