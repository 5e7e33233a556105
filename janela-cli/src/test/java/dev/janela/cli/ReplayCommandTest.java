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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayCommandTest {
    private static final Path EXAMPLES = Path.of("examples");
    private static final String RATES = EXAMPLES.resolve("rates.csv").toString();
    private static final String TRAFFIC = EXAMPLES.resolve("traffic.jsonl").toString();
    private static final String LINE = "{\"id\":\"m1\",\"at\":\"2026-03-02T10:00:00Z\",\"channel\":\"+5511999990000\","
            + "\"customer\":\"+5521988887777\",\"direction\":\"in\",\"type\":\"text\"}\n";

    @TempDir
    Path directory;

    @Nested
    class Success {
        @Test
        void json_printsOneObjectWithTheDocumentedKeys() {
            Run run = run("replay", "--format", "json", "--rates", RATES, TRAFFIC);

            assertThat(run.status).isZero();
            assertThat(run.out).isEqualTo("{\"model\":\"session\",\"currency\":\"USD\",\"events\":14,\"duplicates\":1,"
                    + "\"invalid\":0,\"rejected\":1,\"charges\":6,\"total\":\"0.2096\",\"byCategory\":{"
                    + "\"user_initiated\":{\"charges\":3,\"total\":\"0.0221\"},\"business_initiated\":{\"charges\":3,"
                    + "\"total\":\"0.1875\"}},\"byMarket\":{\"BR\":{\"charges\":5,\"total\":\"0.2011\"},"
                    + "\"MX\":{\"charges\":1,\"total\":\"0.0085\"}}}\n");
            assertThat(run.err).isEmpty();
        }

        @Test
        void csv_printsTheLedgerWithAHeader() {
            Run run = run("replay", "--format", "csv", "--rates", RATES, TRAFFIC);

            assertThat(run.status).isZero();
            assertThat(run.out.lines()).hasSize(7).first()
                    .isEqualTo("event_id,at,channel,customer,market,category,amount,currency");
            assertThat(run.out.lines().skip(1)).allMatch(row -> row.split(",").length == 8);
            assertThat(run.out).contains("wamid.a1,2026-03-02T10:00:00Z,+5511999990000,+5521988887777,BR,"
                    + "user_initiated,0.0068,USD");
        }

        @Test
        void table_isTheDefault() {
            Run run = run("replay", "--rates", RATES, TRAFFIC);

            assertThat(run.status).isZero();
            assertThat(run.out).startsWith("Replay of " + TRAFFIC + " with the session model")
                    .contains("total 0.2096 USD");
        }

        @Test
        void standardInput_isReadForADash() {
            Run run = runWithInput(LINE, "replay", "--format", "json", "--rates", RATES, "-");

            assertThat(run.status).isZero();
            assertThat(run.out).contains("\"events\":1,").contains("\"total\":\"0.0068\"");
        }

        @Test
        void marketByRecipientWithMetaRegions_pricesByTheCustomersRegion() throws IOException {
            Path log = write("dominican.jsonl", LINE.replace("+5521988887777", "+18095551234"));

            Run run = run("replay", "--format", "csv", "--market-by", "recipient", "--markets", "meta", "--rates",
                    RATES, log.toString());

            assertThat(run.status).isZero();
            assertThat(run.out).contains(",Rest of Latin America,user_initiated,0.0077,USD");
        }

        @Test
        void rateCardVersions_applyFromTheirDates() throws IOException {
            Path march = write("march.csv", "market,category,price,currency\nBR,user_initiated,0.0100,USD\n");
            Path april = write("april.csv", "market,category,price,currency\nBR,user_initiated,0.0200,USD\n");
            Path log = write("log.jsonl", LINE + LINE.replace("m1", "m2").replace("2026-03-02", "2026-04-02"));

            Run run = run("replay", "--format", "csv", "--rates", march.toString(), "--rates",
                    april + "@2026-04-01", log.toString());

            assertThat(run.status).isZero();
            assertThat(run.out).contains("m1,2026-03-02T10:00:00Z,+5511999990000,+5521988887777,BR,user_initiated,"
                    + "0.0100,USD").contains("m2,2026-04-02T10:00:00Z,+5511999990000,+5521988887777,BR,"
                    + "user_initiated,0.0200,USD");
        }

        @Test
        void channelCountry_overridesTheNumbersCountry() throws IOException {
            Path log = write("us.jsonl", LINE.replace("+5511999990000", "+15550001111"));

            Run run = run("replay", "--format", "csv", "--channel-country", "+15550001111=br", "--rates", RATES,
                    log.toString());

            assertThat(run.out).contains(",BR,user_initiated,0.0068,USD");
        }

        @Test
        void malformedLines_areReportedOnStandardErrorWithTheirLineNumber() throws IOException {
            Path log = write("log.jsonl", LINE + "{\"id\":\n" + LINE.replace("m1", "m2"));

            Run run = run("replay", "--format", "json", "--rates", RATES, log.toString());

            assertThat(run.status).isZero();
            assertThat(run.out).contains("\"invalid\":1");
            assertThat(run.err).isEqualTo(log + ":2: not valid JSON: expected a JSON value at the end of the line"
                    + " (line skipped)\n");
        }

        @Test
        void shorterWindowAndGrace_areSettings() throws IOException {
            Path log = write("log.jsonl", LINE + LINE.replace("m1", "m2").replace("10:00:00Z", "12:00:00Z"));

            Run run = run("replay", "--format", "json", "--window", "90m", "--reply-grace", "PT2H", "--rates", RATES,
                    log.toString());

            assertThat(run.out).contains("\"charges\":2,");
        }

        @Test
        void version_andHelp() {
            assertThat(run("--version").out).startsWith("janela ");
            for (String subcommand : List.of("replay", "rates", "serve")) {
                assertThat(run(subcommand, "--version").out).as(subcommand).startsWith("janela ");
            }
            Run help = run("replay", "--help");
            assertThat(help.status).isZero();
            assertThat(help.out).contains("--rates=RATES.csv[@FROM]", "--market-by=BASIS", "Exit status: 0");
        }
    }

    @Nested
    class MetaModels {
        /** A Brazilian customer writes, gets a marketing template inside the window and a utility one a day later. */
        private static final String LOG = String.join("\n",
                event("m1", "2025-06-30T20:00:00Z", "\"direction\":\"in\",\"type\":\"text\""),
                event("m2", "2025-06-30T20:05:00Z", "\"direction\":\"out\",\"type\":\"template\","
                        + "\"category\":\"marketing\""),
                event("m3", "2025-07-01T21:00:00Z", "\"direction\":\"out\",\"type\":\"template\","
                        + "\"category\":\"utility\"")) + "\n";

        private static String event(String id, String at, String rest) {
            return "{\"id\":\"" + id + "\",\"at\":\"" + at + "\",\"channel\":\"+5511999990000\","
                    + "\"customer\":\"+5521988887777\"," + rest + "}";
        }

        @Test
        void model_pricesPerMessage_andCountsFreeUnitsInTheJson() throws IOException {
            Run run = run("replay", "--model", "pmp-2025", "--format", "json", "--rates", RATES,
                    write("log.jsonl", LOG).toString());

            assertThat(run.status).isZero();
            assertThat(run.out).isEqualTo("{\"model\":\"pmp-2025\",\"currency\":\"USD\",\"events\":3,"
                    + "\"duplicates\":0,\"invalid\":0,\"rejected\":0,\"charges\":2,\"total\":\"0.0693\","
                    + "\"byCategory\":{\"marketing\":{\"charges\":1,\"total\":\"0.0625\"},\"utility\":{"
                    + "\"charges\":1,\"total\":\"0.0068\"}},\"byMarket\":{\"BR\":{\"charges\":2,"
                    + "\"total\":\"0.0693\"}},\"free\":{}}\n");
        }

        @Test
        void compare_printsEachModelsTotalAndItsDifferenceFromTheFirst() throws IOException {
            Run run = run("replay", "--compare", "session,pmp-2025", "--format", "json", "--rates", RATES,
                    write("log.jsonl", LOG).toString());

            assertThat(run.status).isZero();
            assertThat(run.out).startsWith("{\"baseline\":\"session\",\"currency\":\"USD\",\"events\":3,"
                    + "\"conversations\":1,\"models\":{\"session\":{\"charges\":2,\"total\":\"0.0693\","
                    + "\"difference\":\"0.0000\",\"free\":{}},\"pmp-2025\":{\"charges\":2,"
                    + "\"total\":\"0.0693\",\"difference\":\"0.0000\",\"free\":{}}}");
            Run table = run("replay", "--compare", "session,cbp-2023,pmp-2025", "--rates", RATES,
                    write("log.jsonl", LOG).toString());
            assertThat(table.out).contains("session  cbp-2023  pmp-2025  vs session: cbp-2023");
            assertThat(table.out).containsPattern("Total +0.0693 +0.0693 +0.0693 +0.0000 +0.0000");
        }

        @Test
        void plan_switchesModelsAtMidnightInTheTimeZone() throws IOException {
            write("rates.csv", Files.readString(Path.of(RATES)));
            Path plan = write("plan.csv", "from,model,rates\n2023-06-01,cbp-2023,rates.csv\n"
                    + "2025-07-01,pmp-2025,rates.csv\n");
            String log = LOG + event("m4", "2025-07-01T02:30:00Z", "\"direction\":\"out\","
                    + "\"type\":\"template\",\"category\":\"marketing\"") + "\n";

            Run utc = run("replay", "--plan", plan.toString(), "--format", "csv", write("log.jsonl", log).toString());
            Run saoPaulo = run("replay", "--plan", plan.toString(), "--time-zone", "America/Sao_Paulo",
                    "--format", "csv", write("log.jsonl", log).toString());

            // At 02:30 UTC it is July in UTC, so m4 is a message of its own; in São Paulo it is still June 30, and
            // m4 rides on the marketing conversation m2 opened.
            assertThat(utc.out.lines().map(line -> line.split(",")[0]))
                    .containsExactly("event_id", "m2", "m4", "m3");
            assertThat(saoPaulo.out.lines().map(line -> line.split(",")[0])).containsExactly("event_id", "m2", "m3");
        }

        @Test
        void comparingPmp2025WithPmp2026_showsWhatServiceMessagesCostFromOctober2026() throws IOException {
            String replies = event("s1", "2026-11-02T10:00:00Z", "\"direction\":\"in\",\"type\":\"text\"") + "\n"
                    + event("s2", "2026-11-02T10:05:00Z", "\"direction\":\"out\",\"type\":\"text\"") + "\n"
                    + event("s3", "2026-11-02T10:06:00Z", "\"direction\":\"out\",\"type\":\"text\"") + "\n";

            Run run = run("replay", "--compare", "pmp-2025,pmp-2026", "--free-service", "1", "--format", "json",
                    "--rates", RATES, write("replies.jsonl", replies).toString());

            assertThat(run.status).isZero();
            assertThat(run.out).contains("\"pmp-2025\":{\"charges\":0,\"total\":\"0.0000\",\"difference\":\"0.0000\","
                    + "\"free\":{\"service\":2}}").contains("\"pmp-2026\":{\"charges\":1,\"total\":\"0.0068\","
                    + "\"difference\":\"0.0068\",\"free\":{\"service\":1}}")
                    .contains("\"byCategory\":{\"service\":{\"pmp-2026\":{\"charges\":1,\"total\":\"0.0068\"}}}");
        }

        @Test
        void tiers_lowerThePriceOfTheMonthsLaterUtilityMessages() throws IOException {
            Path tiers = write("tiers.csv", "market,category,from,to,price\nBR,utility,1,,0.0050\n");

            Run run = run("replay", "--model", "pmp-2025", "--tiers", tiers.toString(), "--format", "csv",
                    "--rates", RATES, write("log.jsonl", LOG).toString());

            assertThat(run.out).contains(",BR,utility,0.0050,USD");
        }

        @Test
        void aPlanWithAnUnknownModel_namesItsLine() throws IOException {
            Path plan = write("plan.csv", "from,model,rates\n2025-07-01,pmp-2099,rates.csv\n");

            Run run = run("replay", "--plan", plan.toString(), write("log.jsonl", LOG).toString());

            assertThat(run.status).isEqualTo(2);
            assertThat(run.err).contains("plan.csv:2: model: \"pmp-2099\" is not a pricing model").hasLineCount(1);
        }
    }

    @Nested
    class Failure {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "--format xml                         | --format must be table, json or csv, not 'xml'",
            "--model cbp-1999                     | no pricing model 'cbp-1999'; expected one of session, cbp-2022,",
            "--compare session                    | --compare needs two or more different models",
            "--compare session,session            | --compare needs two or more different models",
            "--compare session,pmp-2025 --format csv | --compare prints a table or json, not a ledger",
            "--time-zone Mars/Olympus             | --time-zone: 'Mars/Olympus' is not a time zone",
            "--tiers nowhere.csv                  | cannot read nowhere.csv: no such file",
            "--market-by sender                   | --market-by must be business or recipient, not 'sender'",
            "--window 0h                          | '0h' is not a positive duration",
            "--free-service -1                    | --free-service must be 0 or more, not -1",
            "--reply-grace soon                   | 'soon' is not a duration such as 24h",
            "--markets nowhere.csv                | cannot read nowhere.csv: no such file",
            "--channel-country +1=US              | --channel-country: the number has 1 digits",
            "--channel-country +15550001111=XX    | --channel-country: 'XX' is not an ISO 3166-1 country code",
            "--rates examples/rates.csv@July      | --rates: 'July' after @ is not a date",
            "--rates examples/rates.csv           | with several rate cards, say from when each applies",
        })
        void badOption_exitsWithTwoAndOneLine(String option, String message) {
            List<String> arguments = new ArrayList<>(List.of("replay", "--rates", RATES));
            arguments.addAll(List.of(option.split(" ")));
            arguments.add(TRAFFIC);

            Run run = run(arguments.toArray(String[]::new));

            assertOneLineFailure(run, message);
        }

        @Test
        void missingRates_exitsWithTwo() {
            assertOneLineFailure(run("replay", TRAFFIC),
                    "--rates is missing: give a rate card (or a plan with --plan)");
        }

        @Test
        void unreadableLog_exitsWithTwo() {
            assertOneLineFailure(run("replay", "--rates", RATES, "missing.jsonl"),
                    "cannot read missing.jsonl: no such file");
            assertOneLineFailure(run("replay", "--rates", RATES, directory.toString()), "is a directory, not a file");
        }

        @Test
        void invalidRateCard_namesFileLineAndField() throws IOException {
            Path card = write("bad.csv", "market,category,price,currency\nBR,user_initiated,-1,USD\n");

            assertOneLineFailure(run("replay", "--rates", card.toString(), TRAFFIC),
                    card + ":2: price: \"-1\" is negative");
        }

        @Test
        void rateCardThatIsNotUtf8_exitsWithTwo() throws IOException {
            Path card = directory.resolve("latin1.csv");
            Files.write(card, new byte[] {'m', (byte) 0xE9, '\n'});

            assertOneLineFailure(run("replay", "--rates", card.toString(), TRAFFIC), "is not UTF-8 text");
        }

        @Test
        void invalidMarketsFile_namesFileLineAndField() throws IOException {
            Path markets = write("markets.csv", "market,country\nNorth America,USA\n");

            assertOneLineFailure(run("replay", "--markets", markets.toString(), "--rates", RATES, TRAFFIC),
                    markets + ":2: country: \"USA\" is not an ISO 3166-1 alpha-2 country code");
        }

        @Test
        void strict_makesAMalformedLineFatal() throws IOException {
            Path log = write("log.jsonl", LINE + "oops\n");

            assertOneLineFailure(run("replay", "--strict", "--rates", RATES, log.toString()),
                    log + ":2: the line is not a JSON object");
        }

        @Test
        void missingPrice_namesMarketAndCategory() throws IOException {
            Path card = write("mx.csv", "market,category,price,currency\nMX,user_initiated,0.01,USD\n");

            assertOneLineFailure(run("replay", "--rates", card.toString(), TRAFFIC),
                    "has no price for market BR, category user_initiated");
        }

        private void assertOneLineFailure(Run run, String message) {
            assertThat(run.status).isEqualTo(2);
            assertThat(run.err).startsWith("janela replay: ").contains(message).endsWith("\n");
            assertThat(run.err.lines()).hasSize(1);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static Run run(String... arguments) {
        return runWithInput("", arguments);
    }

    private static Run runWithInput(String input, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        int status = Janela.run(arguments, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
