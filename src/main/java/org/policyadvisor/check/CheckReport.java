package org.policyadvisor.check;

import java.util.List;

/** Every diagnostic of one {@code check}, sorted by file, line and column. */
public record CheckReport(List<Diagnostic> diagnostics) {

    public CheckReport {
        diagnostics = diagnostics.stream().distinct().sorted().toList();
    }

    public long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }

    public boolean hasErrors() {
        return errors() > 0;
    }

    /** For example {@code 1 error, 3 warnings}. */
    public String summary() {
        return count(errors(), "error") + ", " + count(warnings(), "warning");
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
