package dev.janela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code janela rates import}: Meta's rate file in, Janela's rate card out, ready for a replay. */
class RatesCommandTest {
    private static final String META_PRICING = """
            WhatsApp Business Platform pricing,,,,,,
            Rates effective October 1, 2026,,,,,,
            Market,Currency,Marketing,Utility,Authentication,"Authentication-
            International",Service
            Brazil,$US,0.0625,0.0068,0.0068,n/a,0.0068
            Other,$US,0.0604,0.0077,0.0077,n/a,0.0077
            """;

    @TempDir
    Path directory;

    @Test
    void import_printsJanelasRateCard_whichAReplayPricesServiceMessagesWith() throws IOException {
        Path meta = Files.writeString(directory.resolve("Pricing.csv"), META_PRICING);

        Run imported = run("rates", "import", meta.toString(), "--from", "2026-10-01");
        Path card = Files.writeString(directory.resolve("october.csv"), imported.out);
        Path log = Files.writeString(directory.resolve("log.jsonl"), """
                {"id":"c1","at":"2026-11-02T10:00:00Z","channel":"+5511999990000","customer":"+5521988887777",\
                "direction":"in","type":"text"}
                {"id":"s1","at":"2026-11-02T10:05:00Z","channel":"+5511999990000","customer":"+5521988887777",\
                "direction":"out","type":"text"}
                """);
        Run replay = run("replay", "--model", "pmp-2026", "--free-service", "0", "--format", "csv",
                "--rates", card + "@2026-10-01", log.toString());

        assertThat(imported.status).isZero();
        assertThat(imported.out).startsWith("# Rate card from Meta's Pricing.csv (USD), in force from"
                + " 2026-10-01T00:00:00Z: --rates FILE@2026-10-01\nmarket,category,price,currency\n")
                .contains("BR,service,0.0068,USD\n").contains("*,marketing,0.0604,USD\n")
                .doesNotContain("authentication_international");
        assertThat(imported.err).isEqualTo("janela rates import: 8 prices in USD\n");
        assertThat(replay.out).contains("s1,2026-11-02T10:05:00Z,+5511999990000,+5521988887777,BR,service,0.0068,USD");
    }

    @Test
    void aFileJanelaCannotReadWhole_printsNothing_andNamesItsLine() throws IOException {
        Path meta = Files.writeString(directory.resolve("Pricing.csv"), META_PRICING + "Atlantis,$US,1,1,1,1,1\n");

        Run run = run("rates", "import", meta.toString(), "--from", "2026-10-01");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).startsWith("janela rates import: " + meta + ":7: market \"Atlantis\" is not one of"
                + " Meta's markets").hasLineCount(1);
    }

    @Test
    void aBadDate_orNoSubcommand_isABadArgument() throws IOException {
        Path meta = Files.writeString(directory.resolve("Pricing.csv"), META_PRICING);

        assertThat(run("rates", "import", meta.toString(), "--from", "October").err)
                .startsWith("janela rates import: --from: 'October' is not a day");
        assertThat(run("rates").status).isEqualTo(2);
    }

    private static Run run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Janela.run(arguments, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
