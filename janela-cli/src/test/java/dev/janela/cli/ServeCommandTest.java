package dev.janela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code janela serve}'s options are checked before anything starts. */
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
}
