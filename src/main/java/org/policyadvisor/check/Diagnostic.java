package org.policyadvisor.check;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policyadvisor.Problem;

/**
 * One problem found by {@code check}: where (file relative to the rules directory, 1-based line and
 * column), how bad, what, and the id of the rule it is about ({@code ""} when it is not about one rule).
 */
public record Diagnostic(String file, int line, int col, Severity severity, String message, String ruleId) implements Comparable<Diagnostic> {

    private static final Pattern LOCATION = Pattern.compile("(.*):(\\d+):(\\d+)");
    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::col)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message)
            .thenComparing(Diagnostic::ruleId);

    public Diagnostic {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(message, "message must not be null");
        line = Math.max(line, 1);
        col = Math.max(col, 1);
        ruleId = ruleId == null ? "" : ruleId;
    }

    public static Diagnostic error(String file, int line, int col, String message, String ruleId) {
        return new Diagnostic(file, line, col, Severity.ERROR, message, ruleId);
    }

    public static Diagnostic warning(String file, int line, int col, String message, String ruleId) {
        return new Diagnostic(file, line, col, Severity.WARNING, message, ruleId);
    }

    /** A problem located as {@code file:line:col} (or just {@code file}), as the engine reports them. */
    public static Diagnostic of(Problem problem, Severity severity) {
        Matcher m = LOCATION.matcher(problem.where());
        if (m.matches()) {
            return new Diagnostic(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    severity, problem.message(), "");
        }
        return new Diagnostic(problem.where(), 1, 1, severity, problem.message(), "");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Diagnostic withFile(String other) {
        return new Diagnostic(other, line, col, severity, message, ruleId);
    }

    public Diagnostic withRuleId(String id) {
        return new Diagnostic(file, line, col, severity, message, id);
    }

    /** {@code file:line:col: error|warning: message [rule-id]}, without the id part when there is none. */
    public String format() {
        String text = file + ":" + line + ":" + col + ": " + severity.word() + ": " + message;
        return ruleId.isEmpty() ? text : text + " [" + ruleId + "]";
    }

    /** By file, line and column, then errors before warnings. */
    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
