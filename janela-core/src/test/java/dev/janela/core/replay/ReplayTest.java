package dev.janela.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import dev.janela.core.ledger.Charge;
import dev.janela.core.market.MarketBasis;
import dev.janela.core.ratecard.MissingPriceException;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.core.report.LedgerCsv;
import dev.janela.core.report.ReplayReport;
import dev.janela.core.session.SessionSettings;
import dev.janela.core.testfixtures.TestEngines;
import dev.janela.core.testfixtures.TestRates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReplayTest {
    /** Seven events, one refused, two user-initiated sessions in Brazil: the replay JSON format's own example. */
    private static final List<String> DESIGN_EXAMPLE = List.of(
            line("m1", "2026-03-02T10:00:00Z", "in", "text"),
            line("m2", "2026-03-02T10:05:00Z", "out", "text"),
            line("m3", "2026-03-02T11:00:00Z", "out", "template\",\"category\":\"utility"),
            line("m4", "2026-03-03T16:00:00Z", "in", "image"),
            line("m5", "2026-03-03T16:01:00Z", "in", "text"),
            line("m6", "2026-03-03T16:05:00Z", "out", "document"),
            line("m7", "2026-03-05T09:00:00Z", "out", "text"));

    @Test
    void json_isTheDocumentedObject() {
        ReplayResult result = replay(String.join("\n", DESIGN_EXAMPLE));

        assertThat(ReplayReport.json(result)).isEqualTo("{\"model\":\"session\",\"currency\":\"USD\",\"events\":7,"
                + "\"duplicates\":0,\"invalid\":0,\"rejected\":1,\"charges\":2,\"total\":\"0.0600\","
                + "\"byCategory\":{\"user_initiated\":{\"charges\":2,\"total\":\"0.0600\"}},"
                + "\"byMarket\":{\"BR\":{\"charges\":2,\"total\":\"0.0600\"}}}");
    }

    @Test
    void events_areRatedInTimeOrder_whateverTheFileOrder() {
        List<String> reversed = new ArrayList<>(DESIGN_EXAMPLE);
        Collections.reverse(reversed);
        List<Charge> inOrder = new ArrayList<>();
        List<Charge> inReverse = new ArrayList<>();

        replay(String.join("\n", DESIGN_EXAMPLE), inOrder::add);
        replay(String.join("\n", reversed), inReverse::add);

        assertThat(inReverse).isEqualTo(inOrder);
        assertThat(inOrder).extracting(Charge::eventId).containsExactly("m1", "m4");
    }

    @Test
    void eventsAtTheSameInstant_keepTheirFileOrder() {
        String template = line("t1", "2026-03-02T10:00:00Z", "out", "template\",\"category\":\"marketing");
        String message = line("in1", "2026-03-02T10:00:00Z", "in", "text");
        List<Charge> templateFirst = new ArrayList<>();
        List<Charge> messageFirst = new ArrayList<>();

        replay(template + "\n" + message, templateFirst::add);
        replay(message + "\n" + template, messageFirst::add);

        assertThat(templateFirst).extracting(Charge::eventId).containsExactly("t1");
        assertThat(messageFirst).extracting(Charge::eventId).containsExactly("in1");
    }

    @Test
    void malformedLines_areReportedWithTheirLineNumbersAndSkipped() {
        String log = DESIGN_EXAMPLE.get(0) + "\n{\"id\":\"broken\"\n\n   \n" + DESIGN_EXAMPLE.get(1)
                + "\nnonsense\n";
        List<String> reported = new ArrayList<>();

        ReplayResult result = replay(log, charge -> { }, new ReplayListener() {
            @Override
            public void invalidLine(long line, String problem) {
                reported.add(line + ": " + problem);
            }
        });

        assertThat(reported).containsExactly("2: not valid JSON: expected , or } after a value at the end of the line",
                "6: the line is not a JSON object; expected {\"id\":...,\"at\":...}");
        assertThat(result.invalid()).isEqualTo(2);
        assertThat(result.events()).isEqualTo(2);
    }

    @Test
    void strict_makesTheFirstMalformedLineFatal() {
        String log = DESIGN_EXAMPLE.get(0) + "\n" + DESIGN_EXAMPLE.get(1) + "\n{\"id\":1}\n[]\n";

        assertThatThrownBy(() -> replay(log, true)).isInstanceOfSatisfying(JanelaException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EVENT))
                .hasMessage("traffic.jsonl:3: id: must be a string");
    }

    @Test
    void manyMalformedLines_areAllCounted_butOnlyTheFirstThousandReported() {
        String log = "x\n".repeat(ParsedLog.MAX_REPORTED_PROBLEMS + 500);
        List<Long> reported = new ArrayList<>();

        ReplayResult result = replay(log, charge -> { }, new ReplayListener() {
            @Override
            public void invalidLine(long line, String problem) {
                reported.add(line);
            }
        });

        assertThat(result.invalid()).isEqualTo(ParsedLog.MAX_REPORTED_PROBLEMS + 500);
        assertThat(reported).hasSize(ParsedLog.MAX_REPORTED_PROBLEMS).startsWith(1L, 2L, 3L);
    }

    @Test
    void byteOrderMarkAndWindowsLineBreaks_areRead() {
        String log = "\uFEFF" + String.join("\r\n", DESIGN_EXAMPLE) + "\r\n";

        ReplayResult result = replay(log);

        assertThat(result.events()).isEqualTo(7);
        assertThat(result.invalid()).isZero();
    }

    @Test
    void emptyLog_isAllZeros() {
        ReplayResult result = replay("");

        assertThat(ReplayReport.json(result)).isEqualTo("{\"model\":\"session\",\"currency\":\"USD\",\"events\":0,"
                + "\"duplicates\":0,\"invalid\":0,\"rejected\":0,\"charges\":0,\"total\":\"0.0000\","
                + "\"byCategory\":{},\"byMarket\":{}}");
    }

    @Test
    void missingPrice_endsTheReplayNamingMarketAndCategory() {
        PriceBook onlyMexico = PriceBook.of(RateCardParser.parse("mx.csv",
                "market,category,price,currency\nMX,user_initiated,0.01,USD\n", "mx.csv", Instant.MIN));

        assertThatThrownBy(() -> replay(String.join("\n", DESIGN_EXAMPLE), onlyMexico))
                .isInstanceOf(MissingPriceException.class)
                .hasMessageStartingWith("rate card mx.csv has no price for market BR, category user_initiated");
    }

    @Test
    void missingPrice_endsAReplayRatedInParallelToo() {
        StringBuilder log = new StringBuilder();
        for (int customer = 0; customer < 100; customer++) {
            log.append(line("m" + customer, "2026-03-02T10:00:00Z", "in", "text")
                    .replace("+5521988887777", "+55219888" + (10000 + customer))).append('\n');
        }
        PriceBook onlyMexico = PriceBook.of(RateCardParser.parse("mx.csv",
                "market,category,price,currency\nMX,user_initiated,0.01,USD\n", "mx.csv", Instant.MIN));
        ReplaySettings settings = TestEngines.replay(onlyMexico, false, 2);
        EventSource source = EventSource.of("traffic.jsonl", log.toString().getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new Replay(settings).run(source, ReplayListener.NONE))
                .isInstanceOf(MissingPriceException.class).hasMessageContaining("market BR");
    }

    @Test
    void table_showsTheFiguresForPeople() {
        ReplayResult result = replay(String.join("\n", DESIGN_EXAMPLE) + "\n" + DESIGN_EXAMPLE.get(0));

        assertThat(ReplayReport.table("traffic.jsonl", result)).contains(
                "Replay of traffic.jsonl with the session model",
                "1 duplicate ignored, 0 malformed lines skipped",
                "free-form messages outside the window (131047)",
                "total 0.0600 USD",
                "user_initiated",
                "BR");
    }

    @Test
    void csvRow_isTheDocumentedLedgerLine_quotedWhereNeeded() {
        List<Charge> ledger = new ArrayList<>();
        replay(line("m,1 \"x\"", "2026-03-02T10:00:00Z", "in", "text"), ledger::add);

        assertThat(LedgerCsv.HEADER).isEqualTo("event_id,at,channel,customer,market,category,amount,currency");
        assertThat(LedgerCsv.row(ledger.get(0), 4))
                .isEqualTo("\"m,1 \"\"x\"\"\",2026-03-02T10:00:00Z,+5511999990000,+5521988887777,BR,user_initiated,"
                        + "0.0300,USD");
    }

    @Test
    void csvRow_writesAnEventIdThatReadsAsAFormula_asText_andTheNumbersAsTheyAre() {
        List<Charge> ledger = new ArrayList<>();
        replay(line("=1+1", "2026-03-02T10:00:00Z", "in", "text"), ledger::add);

        assertThat(LedgerCsv.row(ledger.get(0), 4))
                .isEqualTo("'=1+1,2026-03-02T10:00:00Z,+5511999990000,+5521988887777,BR,user_initiated,0.0300,USD");
    }

    @Test
    void customerKnownOnlyByABusinessScopedUserId_isPricedInTheCountryItsPrefixNames() {
        List<Charge> ledger = new ArrayList<>();
        String log = String.join("\n",
                line("m1", "2026-03-02T10:00:00Z", "in", "text").replace("+5521988887777", "DO.1502512345678901"),
                line("m2", "2026-03-02T10:00:00Z", "in", "text").replace("+5521988887777", "MX.ENT.77120931"),
                line("m3", "2026-03-02T10:01:00Z", "in", "text").replace("+5521988887777", "DO.1502512345678901"));

        ReplayResult result = replayByRecipient(log, ledger::add);

        assertThat(result.conversations()).isEqualTo(2);
        assertThat(ledger).extracting(charge -> charge.conversation().customer() + " " + charge.market())
                .containsExactly("DO.1502512345678901 DO", "MX.ENT.77120931 MX");
        assertThat(LedgerCsv.row(ledger.get(0), 4)).isEqualTo(
                "m1,2026-03-02T10:00:00Z,+5511999990000,DO.1502512345678901,DO,user_initiated,0.0100,USD");
    }

    @Test
    void customersCall_reopensAClosedWindow_asAMessageDoes() {
        List<Charge> ledger = new ArrayList<>();
        String log = String.join("\n",
                line("m1", "2026-03-02T10:00:00Z", "in", "text"),
                line("m2", "2026-03-04T10:00:00Z", "out", "text"),
                line("c1", "2026-03-04T11:00:00Z", "in", "call"),
                line("m3", "2026-03-04T11:05:00Z", "out", "text"));

        ReplayResult result = replay(log, ledger::add);

        assertThat(result.rejected()).isEqualTo(1);
        assertThat(ledger).extracting(Charge::eventId).containsExactly("m1", "c1");
    }

    @Test
    void thousandsOfConversations_areEachFoundOnce_whateverTheOrderOfTheirEvents() {
        StringBuilder log = new StringBuilder();
        int customers = 5_000;
        for (int round = 0; round < 2; round++) {
            for (int customer = 0; customer < customers; customer++) {
                String number = "+55219" + (10_000_000 + customer * 7919 % customers);
                log.append("{\"id\":\"r").append(round).append('c').append(customer)
                        .append("\",\"at\":\"2026-03-02T1").append(round).append(":00:00Z\",")
                        .append("\"channel\":\"+5511999990000\",\"customer\":\"").append(number)
                        .append("\",\"direction\":\"in\",\"type\":\"text\"}\n");
            }
        }

        ReplayResult result = replay(log.toString());

        assertThat(result.conversations()).isEqualTo(customers);
        assertThat(result.charges()).as("one session each: the second message is in the window").isEqualTo(customers);
    }

    private static ReplayResult replayByRecipient(String log, Consumer<Charge> ledger) {
        ReplaySettings settings = new ReplaySettings(TestEngines.session(
                SessionSettings.DEFAULTS.withMarketBasis(MarketBasis.RECIPIENT), TestRates.priceBook()), false, 2);
        EventSource source = EventSource.of("traffic.jsonl", log.getBytes(StandardCharsets.UTF_8));
        return new Replay(settings, 64).run(source, ledger, ReplayListener.NONE);
    }

    private static String line(String id, String at, String direction, String type) {
        return "{\"id\":\"" + id.replace("\"", "\\\"") + "\",\"at\":\"" + at + "\",\"channel\":\"+5511999990000\","
                + "\"customer\":\"+5521988887777\",\"direction\":\"" + direction + "\",\"type\":\"" + type + "\"}";
    }

    private static ReplayResult replay(String log) {
        return replay(log, charge -> { });
    }

    private static ReplayResult replay(String log, boolean strict) {
        return replay(log, TestRates.priceBook(), strict, charge -> { }, ReplayListener.NONE);
    }

    private static ReplayResult replay(String log, PriceBook prices) {
        return replay(log, prices, false, charge -> { }, ReplayListener.NONE);
    }

    private static ReplayResult replay(String log, Consumer<Charge> ledger) {
        return replay(log, ledger, ReplayListener.NONE);
    }

    private static ReplayResult replay(String log, Consumer<Charge> ledger,
            ReplayListener listener) {
        return replay(log, TestRates.priceBook(), false, ledger, listener);
    }

    private static ReplayResult replay(String log, PriceBook prices, boolean strict,
            Consumer<Charge> ledger, ReplayListener listener) {
        return new Replay(TestEngines.replay(prices, strict, 2), 64)
                .run(EventSource.of("traffic.jsonl", log.getBytes(StandardCharsets.UTF_8)), ledger, listener);
    }
}
