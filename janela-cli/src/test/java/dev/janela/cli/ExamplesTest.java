package dev.janela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the README shows and what examples/ ships are what Janela really does and uses. */
class ExamplesTest {
    private static final Pattern COMMAND = Pattern.compile("(?m)^\\$ \\./janela (.+)$");

    @Test
    void readme_showsTheTableTheReplayCommandPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String shown = blockAfter(readme, "<!-- The block below is checked by ExamplesTest");
        String command = firstReplay(readme);

        assertThat(janela(command)).isEqualTo(shown);
    }

    @Test
    void readme_showsTheJsonAndCsvTheyPrint() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher commands = COMMAND.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (commands.find()) {
            String command = commands.group(1);
            if (command.contains("--format")) {
                String shownOutput = outputAfter(readme, commands.end());
                String actual = janela(command.replace(" | head -3", ""));
                String expected = command.contains("| head -3")
                        ? String.join("\n", actual.lines().limit(3).toList()) + "\n" : actual;
                assertThat(shownOutput).as(command).isEqualTo(expected);
                checked.add(command);
            }
        }
        assertThat(checked).hasSize(2);
    }

    @Test
    void examplesMarketsFile_isTheBuiltInMetaRegions() throws IOException {
        String shipped;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(
                "/dev/janela/core/market/meta-markets.csv"), "meta-markets.csv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(Path.of("examples", "markets.csv"))).isEqualTo(shipped);
    }

    private static String firstReplay(String readme) {
        Matcher matcher = COMMAND.matcher(readme);
        while (matcher.find()) {
            if (matcher.group(1).startsWith("replay ")) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("the README has no $ ./janela replay command");
    }

    private static String blockAfter(String readme, String marker) {
        int start = readme.indexOf(marker);
        assertThat(start).as("marker in README").isNotNegative();
        int open = readme.indexOf("```text\n", start) + "```text\n".length();
        return readme.substring(open, readme.indexOf("```", open));
    }

    /** The lines after a command, up to the next command or the end of its code block. */
    private static String outputAfter(String readme, int commandEnd) {
        int start = commandEnd + 1;
        int end = readme.indexOf("```", start);
        int nextCommand = readme.indexOf("\n$ ", start - 1);
        if (nextCommand >= 0 && nextCommand < end) {
            end = nextCommand + 1;
        }
        return readme.substring(start, end);
    }

    private static String janela(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Janela.run(command.split(" "), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).as(command).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
