package dev.janela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.replay.ReplayListener.Stage;
import dev.janela.core.testfixtures.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter err = new StringWriter();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void onATerminal_progressAppearsAfterASecond_andIsRedrawnAtMostFourTimesASecond() {
        Progress progress = new Progress(new PrintWriter(err, true), "big.jsonl", true, clock);

        progress.progress(Stage.READING, 10, 100);
        clock.advance(Duration.ofMillis(1000));
        progress.progress(Stage.READING, 50, 100);
        clock.advance(Duration.ofMillis(100));
        progress.progress(Stage.READING, 60, 100);
        clock.advance(Duration.ofMillis(200));
        progress.progress(Stage.RATING, 250_000, 1_000_000);
        progress.finish(0);

        assertThat(err.toString()).isEqualTo("\rreading big.jsonl: 50%\u001b[K"
                + "\rrating 250,000 of 1,000,000 events: 25%\u001b[K" + "\r\u001b[K");
    }

    @Test
    void notOnATerminal_thereIsNoProgressLine() {
        Progress progress = new Progress(new PrintWriter(err, true), "big.jsonl", false, clock);

        clock.advance(Duration.ofSeconds(5));
        progress.progress(Stage.READING, 50, 100);
        progress.finish(0);

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void malformedLines_theFirstHundredAreShown_thenHowManyMoreWereSkipped() {
        Progress progress = new Progress(new PrintWriter(err, true), "log.jsonl", false, clock);

        for (long line = 1; line <= 1_234; line++) {
            progress.invalidLine(line, "the line is empty");
        }
        progress.finish(1_234);

        assertThat(err.toString().lines()).hasSize(101)
                .startsWith("log.jsonl:1: the line is empty (line skipped)")
                .endsWith("log.jsonl: 1,134 more malformed lines skipped and not shown");
    }

    @Test
    void aMalformedLine_clearsTheProgressLineFirst() {
        Progress progress = new Progress(new PrintWriter(err, true), "log.jsonl", true, clock);
        clock.advance(Duration.ofSeconds(2));
        progress.progress(Stage.READING, 1, 2);

        progress.invalidLine(7, "the line is empty");

        assertThat(err.toString()).endsWith("\r\u001b[Klog.jsonl:7: the line is empty (line skipped)"
                + System.lineSeparator());
    }
}
