package org.policyadvisor.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.policyadvisor.analysis.Progress;

/**
 * A progress bar on stderr for long runs: nothing for a run that ends within a second, then one line redrawn at most
 * five times a second, and a last line with the total when the run ends.
 */
final class ProgressBar implements Progress {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long drawn;
    private long done;
    private long total;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public synchronized void update(long doneSoFar, long totalCount) {
        done = Math.max(done, doneSoFar);
        total = totalCount;
        long now = System.nanoTime();
        if (now - start > QUIET_NANOS && now - drawn > REDRAW_NANOS) {
            drawn = now;
            draw(now);
        }
    }

    /** Ends the line drawn, if one was. */
    synchronized void finish() {
        if (drawn != 0) {
            draw(System.nanoTime());
            err.println();
            err.flush();
        }
    }

    private void draw(long now) {
        double seconds = (now - start) / 1e9;
        StringBuilder line = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            int filled = (int) (WIDTH * done / total);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total)
                    .append(String.format(Locale.ROOT, " %3d%%", 100 * done / total));
        } else {
            line.append(done);
        }
        line.append(String.format(Locale.ROOT, "  %.1f s, %.0f/s", seconds, done / Math.max(seconds, 1e-9)));
        err.print(line);
        err.flush();
    }
}
