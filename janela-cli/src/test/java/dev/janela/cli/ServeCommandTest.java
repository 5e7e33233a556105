package dev.janela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code janela serve}'s options are checked before anything starts, and a failed start is told in one line. */
class ServeCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536", "eighty"})
    void aPortThatCannotBe_isAUsageError_namingIt(String port) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Janela.run(new String[] {"serve", "--port", port}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("janela serve: ").contains("--port")
                .contains(port);
    }

    @Test
    void aPortInUse_isToldInOneLine_namingTheOption() {
        RuntimeException failed = new RuntimeException("Unable to start web server",
                new IllegalStateException("connector failed", new BindException("Address already in use")));

        assertThat(ServeCommand.reason(failed, 8080))
                .isEqualTo("port 8080 is in use; stop what uses it, or start Janela with another --port");
        assertThat(ServeCommand.reason(new RuntimeException(new IllegalStateException("the disk is full")), 8080))
                .isEqualTo("the disk is full");
    }
}
