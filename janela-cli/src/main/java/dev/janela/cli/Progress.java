package dev.janela.cli;

import dev.janela.core.replay.ReplayListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Reports a replay on standard error: each skipped line (the first hundred), and, when standard error is a terminal,
 * a progress line redrawn a few times a second once the replay has taken more than a second.
 */
final class Progress implements ReplayListener {
    private static final int MAX_SHOWN_PROBLEMS = 100;
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration REDRAW = Duration.ofMillis(250);

    private final PrintWriter err;
    private final String source;
    private final boolean terminal;
    private final Clock clock;
    private final Instant startedAt;
    private Instant lastDrawnAt = Instant.MIN;
    private boolean lineDrawn;
    private long shownProblems;

    /**
     * @param terminal whether standard error is a terminal, where a redrawn progress line makes sense
     * @param clock tells how long the replay has been running
     */
    Progress(PrintWriter err, String source, boolean terminal, Clock clock) {
        this.err = err;
        this.source = source;
        this.terminal = terminal;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public void invalidLine(long line, String problem) {
        if (shownProblems++ < MAX_SHOWN_PROBLEMS) {
            clearLine();
            err.println(source + ":" + line + ": " + problem + " (line skipped)");
        }
    }

    @Override
    public void progress(Stage stage, long done, long total) {
        Instant now = clock.instant();
        if (!terminal || now.isBefore(startedAt.plus(QUIET)) || now.isBefore(lastDrawnAt.plus(REDRAW))) {
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
        clearLine();
        if (invalid > MAX_SHOWN_PROBLEMS) {
            err.println(source + ": " + String.format(Locale.ROOT, "%,d", invalid - MAX_SHOWN_PROBLEMS)
                    + " more malformed lines skipped and not shown");
        }
        err.flush();
    }

    /** Removes the progress line, if one is drawn, so that what is printed next starts on a clean line. */
    void clearLine() {
        if (lineDrawn) {
            err.print("\r\u001b[K");
            err.flush();
            lineDrawn = false;
        }
    }
}
