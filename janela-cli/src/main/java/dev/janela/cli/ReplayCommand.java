package dev.janela.cli;

import dev.janela.core.FileFormatException;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.ledger.Charge;
import dev.janela.core.market.MarketBasis;
import dev.janela.core.market.Markets;
import dev.janela.core.meta.MetaSettings;
import dev.janela.core.meta.Pmp2026Model;
import dev.janela.core.phone.E164;
import dev.janela.core.phone.PhoneCountries;
import dev.janela.core.plan.PricingPlan;
import dev.janela.core.plan.PricingPlanAssembler;
import dev.janela.core.plan.PricingPlanFile;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCard;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.ratecard.VolumeTiersParser;
import dev.janela.core.replay.EventSource;
import dev.janela.core.replay.Replay;
import dev.janela.core.replay.ReplayResult;
import dev.janela.core.replay.ReplaySettings;
import dev.janela.core.report.ComparisonReport;
import dev.janela.core.report.LedgerCsv;
import dev.janela.core.report.ReplayReport;
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
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code janela replay}: rates a recorded traffic log offline. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Janela.Version.class, sortOptions = false,
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
            description = "The pricing model: session (default), cbp-2022, cbp-2023, pmp-2025 or pmp-2026 (Meta's,"
                + " from those years).")
    private String model;

    @Option(names = "--compare", paramLabel = "MODEL,MODEL...", split = ",",
            description = {"Price the log under each of these models and print them side by side, with each"
                + " one's difference from the first: --compare session,cbp-2023,pmp-2025."})
    private List<String> compare;

    @Option(names = "--plan", paramLabel = "PLAN.csv",
            description = {"A pricing plan (from,model,rates[,tiers]): which model and rate card apply from which"
                + " day, as Meta switched models. Instead of --model and --rates."})
    private Path plan;

    @Option(names = "--rates", paramLabel = "RATES.csv[@FROM]",
            description = {"A rate card (market,category,price,currency). Repeat it for versions, each with the"
                + " instant or date it takes effect from: --rates q2.csv@2026-04-01 --rates q3.csv@2026-07-01."})
    private List<String> rates = new ArrayList<>();

    @Option(names = "--tiers", paramLabel = "TIERS.csv",
            description = "Volume tiers (market,category,from,to,price) for pmp-2025's utility and authentication"
                + " messages. Default: none, every message at the rate card's price.")
    private Path tiers;

    @Option(names = "--free-service", paramLabel = "N",
            defaultValue = "" + Pmp2026Model.DEFAULT_FREE_SERVICE_MESSAGES,
            description = "How many service messages each business number sends free in a calendar month under"
                + " pmp-2026 (default 1000; Meta's pages do not say it).")
    private long freeService;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "The account's billing time zone, in which months (free tiers, volume tiers) and a"
                + " plan's days begin: America/Sao_Paulo. Default: UTC.")
    private String timeZone;

    @Option(names = "--markets", paramLabel = "MARKETS.csv",
            description = "A markets file (market,country) grouping countries into regions, or 'meta' for Meta's"
                + " regions. Default: none for the session model, every country its own market; Meta's regions"
                + " for Meta's models.")
    private String markets;

    @Option(names = "--market-by", paramLabel = "BASIS", defaultValue = "business",
            description = "Whose country prices a session under the session model: business (the channel's,"
                + " default) or recipient. Meta's models always price by the recipient's.")
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
        PricingPlanAssembler plans = new PricingPlanAssembler(settings, metaSettings(), zone(), markets(),
                channelCountries());
        List<ConversationEngine> engines = engines(plans, output);
        ReplaySettings replaySettings = new ReplaySettings(engines.get(0), strict,
                Runtime.getRuntime().availableProcessors());

        EventSource source = new EventSource(events.toString(), Inputs.log(events, standardInput));
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, events.toString(), Boolean.getBoolean("janela.progress"),
                Clock.systemUTC());
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        try {
            Replay replay = new Replay(replaySettings);
            if (compare != null) {
                ComparisonReport comparison = new ComparisonReport(events.toString(),
                        replay.compare(source, engines, progress));
                progress.finish(0);
                out.write(output == Format.JSON ? comparison.json() + "\n" : comparison.table());
                return 0;
            }
            if (output == Format.CSV) {
                out.write(LedgerCsv.HEADER);
                out.write('\n');
            }
            int scale = engines.get(0).plan().displayScale();
            ReplayResult result = output == Format.CSV ? replay.run(source, ledger(out, scale), progress)
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

    /** The engines to replay with: one, or one per compared model. */
    private List<ConversationEngine> engines(PricingPlanAssembler plans, Format output) {
        if (plan != null) {
            if (!rates.isEmpty() || tiers != null || compare != null
                    || spec.commandLine().getParseResult().hasMatchedOption("--model")) {
                throw new UsageException("--plan names the models, rate cards and tiers of each period; leave out"
                        + " --model, --compare, --rates and --tiers");
            }
            return List.of(new ConversationEngine(planFile(plan, plans), window));
        }
        if (rates.isEmpty()) {
            throw new UsageException("--rates is missing: give a rate card (or a plan with --plan)");
        }
        PriceBook prices = priceBook();
        VolumeTiers volumeTiers = tiers == null ? VolumeTiers.none() : readTiers(tiers);
        if (compare == null) {
            return List.of(new ConversationEngine(onePlan(plans, model, prices, volumeTiers), window));
        }
        if (output == Format.CSV) {
            throw new UsageException("--compare prints a table or json, not a ledger; leave out --format csv");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--model")) {
            throw new UsageException("--compare names the models to compare; leave out --model");
        }
        if (compare.size() < 2 || compare.stream().distinct().count() != compare.size()) {
            throw new UsageException("--compare needs two or more different models, as in"
                    + " --compare session,cbp-2023,pmp-2025");
        }
        List<ConversationEngine> engines = new ArrayList<>();
        for (String name : compare) {
            engines.add(new ConversationEngine(onePlan(plans, name, prices, volumeTiers), window));
        }
        return engines;
    }

    /** A plan of the model named {@code name} for all time. */
    private static PricingPlan onePlan(PricingPlanAssembler plans, String name, PriceBook prices,
            VolumeTiers volumeTiers) {
        try {
            return plans.plan(name, prices, volumeTiers);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e); // a name that is no pricing model's
        }
    }

    /** The plan a plan file names, with its rate cards and tiers read from the plan's folder. */
    private static PricingPlan planFile(Path file, PricingPlanAssembler plans) {
        List<PricingPlanFile.Row> rows;
        try {
            rows = PricingPlanFile.parse(file.toString(), Inputs.text(file), plans.zone());
        } catch (FileFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        List<PricingPlanAssembler.NamedPeriod> periods = new ArrayList<>();
        for (PricingPlanFile.Row row : rows) {
            Path ratesFile = folder.resolve(row.rates());
            PriceBook prices = PriceBook.of(rateCard(ratesFile, row.rates(), row.from()));
            VolumeTiers volumeTiers = row.tiers().map(name -> readTiers(folder.resolve(name)))
                    .orElse(VolumeTiers.none());
            periods.add(new PricingPlanAssembler.NamedPeriod(row.from(), row.model(), prices, volumeTiers));
        }
        try {
            return plans.plan(periods);
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": " + e.getMessage(), e);
        }
    }

    private static VolumeTiers readTiers(Path file) {
        try {
            return VolumeTiersParser.parse(file.toString(), Inputs.text(file));
        } catch (FileFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new UsageException("--time-zone: '" + timeZone + "' is not a time zone such as UTC or"
                    + " America/Sao_Paulo");
        }
    }

    private static Consumer<Charge> ledger(Writer out, int scale) {
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
        return rateCard(file, spec, at < 0 ? Instant.MIN : instant(spec.substring(at + 1)));
    }

    /** The rate card in {@code file}, labelled {@code version} as the user wrote it, in force from {@code from}. */
    private static RateCard rateCard(Path file, String version, Instant effectiveFrom) {
        try {
            return RateCardParser.parse(file.toString(), Inputs.text(file), version, effectiveFrom);
        } catch (FileFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        return PricingPlanFile.dayOrInstant(text, ZoneOffset.UTC).orElseThrow(() -> new UsageException(
                "--rates: '" + text + "' after @ is not a date (2026-07-01) or an instant (2026-07-01T03:00:00Z)"));
    }

    private MetaSettings metaSettings() {
        if (freeService < 0) {
            throw new UsageException("--free-service must be 0 or more, not " + freeService);
        }
        return new MetaSettings(freeService);
    }

    /** The markets file the options name; empty for each model's default. */
    private Optional<Markets> markets() {
        if (markets == null) {
            return Optional.empty();
        }
        if (markets.equals("meta")) {
            return Optional.of(Markets.metaRegions());
        }
        Path file = Path.of(markets);
        try {
            return Optional.of(Markets.parse(file.toString(), Inputs.text(file)));
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
