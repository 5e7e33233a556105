package dev.janela.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.server.JanelaServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Janela on a data directory or a port that a running Janela holds does not start, and says why and what
 * to do in a line of its report, without a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryLockTest {
    /**
     * The most lines a failed start prints, its first lines and the report: the stack trace a start on a directory in
     * use printed took 195.
     */
    private static final int SHORT = 30;

    @TempDir
    static Path running;
    private static ConfigurableApplicationContext first;

    @BeforeAll
    static void aJanelaRuns() {
        first = JanelaServer.start(0, running);
    }

    @AfterAll
    static void stop() {
        first.close();
    }

    @Test
    void aSecondJanela_onTheDataDirectory_saysAnotherIsUsingIt(CapturedOutput output) {
        int before = output.length();

        assertThatThrownBy(() -> JanelaServer.start(0, running)).hasRootCauseInstanceOf(
                DataDirectoryInUseException.class);

        assertThat(report(output, before)).contains("Another Janela is using the data directory "
                + running.toAbsolutePath() + ".", "Stop that Janela, or start this one with another --data-dir.");
    }

    @Test
    void aSecondJanela_onThePort_namesIt_andTheOptionThatChangesIt(CapturedOutput output, @TempDir Path other) {
        int port = ((WebServerApplicationContext) first).getWebServer().getPort();
        int before = output.length();

        assertThatThrownBy(() -> JanelaServer.start(port, other));

        assertThat(report(output, before)).contains("Port " + port + " is in use, by another Janela or another"
                + " program.", "Stop it, or start Janela on another port with --port.");
    }

    @Test
    void theDirectory_isHeldUntilClosed(@TempDir Path data) {
        DataDirectoryLock held = DataDirectoryLock.hold(data);

        assertThatThrownBy(() -> DataDirectoryLock.hold(data)).isInstanceOf(DataDirectoryInUseException.class)
                .hasMessage("another Janela is using the data directory " + data + "; stop it, or start this one"
                        + " with another --data-dir");
        held.close();
        DataDirectoryLock.hold(data).close();
    }

    /** What a start printed since {@code before}, checked to be a short report with no stack trace in it. */
    private static String report(CapturedOutput output, int before) {
        String printed = output.getAll().substring(before);
        assertThat(printed).contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
        assertThat(printed.lines().count()).as(printed).isLessThanOrEqualTo(SHORT);
        return printed;
    }
}
