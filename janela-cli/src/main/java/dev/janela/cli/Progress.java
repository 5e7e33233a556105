package dev.janela.cli;

import dev.janela.core.replay.ReplayListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Reports a replay on standard error: each skipped line (the first hundred), and, when standard error is a terminal,
 * a progress line redrawn a few times a second once the replay has taken more than a second.
 */
final class Progress implements ReplayListener {
    private static final int MAX_SHOWN_PROBLEMS = 100;
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final String source;
    private final boolean terminal;
    private final long startedAt = System.nanoTime();
    private long lastDrawnAt;
    private boolean lineDrawn;
    private long shownProblems;

    Progress(PrintWriter err, String source, boolean terminal) {
        this.err = err;
        this.source = source;
        this.terminal = terminal;
    }

    @Override
    public void invalidLine(long line, String problem) {
        if (shownProblems++ < MAX_SHOWN_PROBLEMS) {
            clear();
            err.println(source + ":" + line + ": " + problem + " (line skipped)");
        }
    }

    @Override
    public void progress(Stage stage, long done, long total) {
        long now = System.nanoTime();
        if (!terminal || now - startedAt < QUIET_NANOS || now - lastDrawnAt < REDRAW_NANOS) {
            return;
        }
        lastDrawnAt = now;
        long percent = total == 0 ? 100 : done * 100 / total;
        String what = stage == Stage.READING ? "reading " + source : String.format(Locale.ROOT,
                "rating %,d of %,d events", done, total);
        err.print(String.format(Locale.ROOT, "\r%s: %d%%\u001b[K", what, percent));
        err.flush();
        lineDrawn = true;
    }

    /** Removes the progress line and says how many skipped lines were not shown. */
    void finish(long invalid) {
        clear();
        if (invalid > MAX_SHOWN_PROBLEMS) {
            err.println(source + ": " + String.format(Locale.ROOT, "%,d", invalid - MAX_SHOWN_PROBLEMS)
                    + " more malformed lines skipped and not shown");
        }
        err.flush();
    }

    private void clear() {
        if (lineDrawn) {
            err.print("\r\u001b[K");
            lineDrawn = false;
        }
    }
}
