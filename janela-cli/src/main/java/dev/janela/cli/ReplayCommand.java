package dev.janela.cli;

import dev.janela.core.FileFormatException;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.ledger.Charge;
import dev.janela.core.market.MarketBasis;
import dev.janela.core.market.MarketResolver;
import dev.janela.core.market.Markets;
import dev.janela.core.phone.E164;
import dev.janela.core.phone.PhoneCountries;
import dev.janela.core.pricing.PricingModel;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCard;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.core.replay.EventSource;
import dev.janela.core.replay.LedgerCsv;
import dev.janela.core.replay.Replay;
import dev.janela.core.replay.ReplayReport;
import dev.janela.core.replay.ReplayResult;
import dev.janela.core.replay.ReplaySettings;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code janela replay}: rates a recorded traffic log offline. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Rates a recorded traffic log (JSON Lines, one event a line) offline: to check an invoice, compare"
                + " pricing models or estimate what a month of traffic costs.",
            "Events are rated in time order whatever the file's order; lines whose id was already seen are"
                + " ignored; malformed lines are reported on standard error and skipped."},
        footer = {"", "Exit status: 0 on success; 2 on bad arguments, an unreadable or invalid file, or a"
            + " missing price, with one line on standard error naming the problem."})
final class ReplayCommand implements Callable<Integer> {
    enum Format { TABLE, JSON, CSV }

    private final InputStream standardInput;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = SessionModel.NAME,
            description = "The pricing model: session (default).")
    private String model;

    @Option(names = "--rates", paramLabel = "RATES.csv[@FROM]", required = true,
            description = {"A rate card (market,category,price,currency). Repeat it for versions, each with the"
                + " instant or date it takes effect from: --rates q2.csv@2026-04-01 --rates q3.csv@2026-07-01."})
    private List<String> rates;

    @Option(names = "--markets", paramLabel = "MARKETS.csv",
            description = "A markets file (market,country) grouping countries into regions, or 'meta' for Meta's"
                + " regions. Default: none, every country is its own market.")
    private String markets;

    @Option(names = "--market-by", paramLabel = "BASIS", defaultValue = "business",
            description = "Whose country prices a session: business (the channel's, default) or recipient.")
    private String marketBy;

    @Option(names = "--channel-country", paramLabel = "NUMBER=COUNTRY",
            description = "The country a channel is registered in, where it is not its number's: "
                + "--channel-country +15550001111=BR. Repeatable.")
    private Map<String, String> channelCountries = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default, for people), json (one object) or csv (the ledger).")
    private String format;

    @Option(names = "--strict", description = "Make a malformed line fatal instead of skipping it.")
    private boolean strict;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "24h", converter = Durations.class,
            description = "How long a customer's message keeps the window open (default 24h).")
    private Duration window;

    @Option(names = "--reply-grace", paramLabel = "DURATION", defaultValue = "24h", converter = Durations.class,
            description = "How long a template's session waits for the customer's reply (default 24h).")
    private Duration replyGrace;

    @Parameters(index = "0", paramLabel = "EVENTS.jsonl", description = "The traffic log, or - for standard input.")
    private Path events;

    ReplayCommand(InputStream standardInput) {
        this.standardInput = standardInput;
    }

    @Override
    public Integer call() {
        Format output = format();
        SessionSettings settings = new SessionSettings(window, replyGrace, marketBasis());
        PricingModel pricing = pricingModel(settings);
        PriceBook prices = priceBook();
        MarketResolver resolver = new MarketResolver(markets(), settings.marketBasis(), channelCountries());
        ConversationEngine engine = new ConversationEngine(pricing, prices, settings.windowLength());
        ReplaySettings replaySettings = new ReplaySettings(engine, resolver, strict,
                Runtime.getRuntime().availableProcessors());

        EventSource source = new EventSource(events.toString(), Inputs.log(events, standardInput));
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, events.toString(), Boolean.getBoolean("janela.progress"),
                Clock.systemUTC());
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        try {
            if (output == Format.CSV) {
                out.write(LedgerCsv.HEADER);
                out.write('\n');
            }
            Replay replay = new Replay(replaySettings);
            ReplayResult result = output == Format.CSV ? replay.run(source, ledger(out, prices), progress)
                    : replay.run(source, progress);
            progress.finish(result.invalid());
            if (output == Format.JSON) {
                out.write(ReplayReport.json(result));
                out.write('\n');
            } else if (output == Format.TABLE) {
                out.write(ReplayReport.table(events.toString(), result));
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            progress.clearLine();
            flush(out);
        }
    }

    private static Consumer<Charge> ledger(Writer out, PriceBook prices) {
        int scale = prices.displayScale();
        return charge -> {
            try {
                out.write(LedgerCsv.row(charge, scale));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Format format() {
        try {
            return Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format must be table, json or csv, not '" + format + "'");
        }
    }

    private MarketBasis marketBasis() {
        return MarketBasis.fromWireName(marketBy).orElseThrow(() -> new UsageException(
                "--market-by must be business or recipient, not '" + marketBy + "'"));
    }

    private PricingModel pricingModel(SessionSettings settings) {
        if (!model.equals(SessionModel.NAME)) {
            throw new UsageException("--model must be session, not '" + model + "'");
        }
        return new SessionModel(settings);
    }

    private PriceBook priceBook() {
        if (rates.stream().filter(spec -> spec.lastIndexOf('@') < 0).count() > 1) {
            throw new UsageException("--rates: with several rate cards, say from when each applies, as in"
                    + " --rates q3.csv@2026-07-01 (one may apply from the beginning, without @)");
        }
        List<RateCard> versions = new ArrayList<>();
        for (String spec : rates) {
            versions.add(rateCard(spec));
        }
        try {
            return PriceBook.of(versions);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** A rate card from {@code FILE} (in force from the beginning) or {@code FILE@FROM}. */
    private static RateCard rateCard(String spec) {
        int at = spec.lastIndexOf('@');
        Path file = Path.of(at < 0 ? spec : spec.substring(0, at));
        Instant effectiveFrom = at < 0 ? Instant.MIN : instant(spec.substring(at + 1));
        try {
            return RateCardParser.parse(file.toString(), Inputs.text(file), spec, effectiveFrom);
        } catch (FileFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--rates: '" + text + "' after @ is not a date (2026-07-01) or an instant"
                    + " (2026-07-01T03:00:00Z)");
        }
    }

    private Markets markets() {
        if (markets == null) {
            return Markets.none();
        }
        if (markets.equals("meta")) {
            return Markets.metaRegions();
        }
        Path file = Path.of(markets);
        try {
            return Markets.parse(file.toString(), Inputs.text(file));
        } catch (FileFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private Map<String, String> channelCountries() {
        Map<String, String> countries = new LinkedHashMap<>();
        channelCountries.forEach((number, country) -> {
            E164.Parsed parsed = E164.parse(number);
            if (!parsed.isValid()) {
                throw new UsageException("--channel-country: the number " + parsed.problem());
            }
            String code = country.toUpperCase(Locale.ROOT);
            if (!PhoneCountries.isCountryCode(code)) {
                throw new UsageException("--channel-country: '" + country + "' is not an ISO 3166-1 country code");
            }
            countries.put(E164.format(parsed.digits()), code);
        });
        return countries;
    }
}
