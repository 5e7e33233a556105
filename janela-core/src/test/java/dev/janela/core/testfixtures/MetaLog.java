package dev.janela.core.testfixtures;

import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.ledger.Charge;
import dev.janela.core.meta.MetaSettings;
import dev.janela.core.plan.PricingPlan;
import dev.janela.core.plan.PricingPlanAssembler;
import dev.janela.core.plan.PricingPlanAssembler.NamedPeriod;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.replay.EventSource;
import dev.janela.core.replay.Replay;
import dev.janela.core.replay.ReplayListener;
import dev.janela.core.replay.ReplayResult;
import dev.janela.core.replay.ReplaySettings;
import dev.janela.core.session.SessionSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A traffic log of one Brazilian business and its customers, written as a timeline and replayed under Meta's models,
 * as {@code janela replay} would: for tests that check Meta's worked examples.
 */
public final class MetaLog {
    /** Test prices in USD for every category of every model, Brazil's and every other market's. */
    public static final String RATES = """
            market,category,price,currency
            BR,user_initiated,0.0300,USD
            BR,business_initiated,0.0500,USD
            BR,marketing,0.0625,USD
            BR,utility,0.0080,USD
            BR,authentication,0.0315,USD
            BR,service,0.0300,USD
            *,user_initiated,0.0100,USD
            *,business_initiated,0.0600,USD
            *,marketing,0.0604,USD
            *,utility,0.0077,USD
            *,authentication,0.0304,USD
            *,service,0.0200,USD
            """;
    public static final String CHANNEL = "+5511999990000";
    public static final String CUSTOMER = "+5521988887777";

    private final Instant start;
    private final List<String> lines = new ArrayList<>();

    /** @param start the instant hour 0 of the timeline is */
    public MetaLog(Instant start) {
        this.start = start;
    }

    public Instant hour(double hours) {
        return start.plus(Duration.ofMillis(Math.round(hours * 3_600_000)));
    }

    /** The customer writes at {@code hours}. */
    public MetaLog in(String id, double hours) {
        return line(id, hour(hours), CUSTOMER, "\"direction\":\"in\",\"type\":\"text\"");
    }

    /** The customer writes at {@code hours}, arriving from an ad or a Page button. */
    public MetaLog inFromAd(String id, double hours) {
        return line(id, hour(hours), CUSTOMER, "\"direction\":\"in\",\"type\":\"text\",\"referral\":true");
    }

    /** The business sends a template of {@code category} at {@code hours}. */
    public MetaLog template(String id, double hours, String category) {
        return template(id, hour(hours), CUSTOMER, category);
    }

    public MetaLog template(String id, Instant at, String customer, String category) {
        return line(id, at, customer, "\"direction\":\"out\",\"type\":\"template\",\"category\":\"" + category
                + "\"");
    }

    /** The business sends free-form text at {@code hours}. */
    public MetaLog text(String id, double hours) {
        return line(id, hour(hours), CUSTOMER, "\"direction\":\"out\",\"type\":\"text\"");
    }

    public MetaLog in(String id, Instant at, String customer) {
        return line(id, at, customer, "\"direction\":\"in\",\"type\":\"text\"");
    }

    public MetaLog text(String id, Instant at, String customer) {
        return text(id, at, CHANNEL, customer);
    }

    /** A customer of the business number {@code channel} writes at {@code at}. */
    public MetaLog in(String id, Instant at, String channel, String customer) {
        return line(id, at, channel, customer, "\"direction\":\"in\",\"type\":\"text\"");
    }

    /** The business number {@code channel} sends free-form text at {@code at}. */
    public MetaLog text(String id, Instant at, String channel, String customer) {
        return line(id, at, channel, customer, "\"direction\":\"out\",\"type\":\"text\"");
    }

    /** The business sends free-form text at {@code hours}, which the platform reports as failed. */
    public MetaLog failedText(String id, double hours) {
        return line(id, hour(hours), CUSTOMER, "\"direction\":\"out\",\"type\":\"text\",\"status\":\"failed\"");
    }

    private MetaLog line(String id, Instant at, String customer, String rest) {
        return line(id, at, CHANNEL, customer, rest);
    }

    /** Any event of the log: {@code rest} holds its fields after the customer's ({@code "direction":"in",...}). */
    public MetaLog line(String id, Instant at, String channel, String customer, String rest) {
        lines.add("{\"id\":\"" + id + "\",\"at\":\"" + at + "\",\"channel\":\"" + channel + "\",\"customer\":\""
                + customer + "\"," + rest + "}");
        return this;
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    /** The log replayed under {@code model} with {@link #RATES}, months in UTC. */
    public Replayed replay(String model) {
        return replay(plan(model, VolumeTiers.none(), ZoneOffset.UTC));
    }

    public Replayed replay(PricingPlan plan) {
        List<Charge> ledger = new ArrayList<>();
        ReplayResult result = new Replay(new ReplaySettings(new ConversationEngine(plan, Duration.ofHours(24)),
                false, 2)).run(EventSource.of("meta.jsonl", text().getBytes(StandardCharsets.UTF_8)), ledger::add,
                ReplayListener.NONE);
        return new Replayed(result, ledger);
    }

    /** A plan of {@code model} alone, priced by {@link #RATES} and {@code tiers}. */
    public static PricingPlan plan(String model, VolumeTiers tiers, ZoneId zone) {
        return plan(zone, period(Instant.MIN, model, tiers));
    }

    /** A plan of {@code periods}, as the CLI assembles it: Meta's models by the recipient's market. */
    public static PricingPlan plan(ZoneId zone, NamedPeriod... periods) {
        return plan(MetaSettings.DEFAULTS, zone, periods);
    }

    /** A plan of {@code periods} whose {@code pmp-2026} lets each business number send {@code meta}'s free. */
    public static PricingPlan plan(MetaSettings meta, ZoneId zone, NamedPeriod... periods) {
        return new PricingPlanAssembler(SessionSettings.DEFAULTS, meta, zone, Optional.empty(), Map.of())
                .plan(List.of(periods));
    }

    /** A period of {@code model} from {@code from}, priced by {@link #RATES} and {@code tiers}. */
    public static NamedPeriod period(Instant from, String model, VolumeTiers tiers) {
        return new NamedPeriod(from, model, prices(), tiers);
    }

    public static PriceBook prices() {
        return PriceBook.of(RateCardParser.parse("meta-rates.csv", RATES, "meta-rates.csv", Instant.MIN));
    }

    /** What a replay found: its summary and its ledger. */
    public record Replayed(ReplayResult result, List<Charge> ledger) {
        /** Each charge as {@code id category amount}, in the ledger's order. */
        public List<String> charges() {
            return ledger.stream().map(charge -> charge.eventId() + " " + charge.category().wireName() + " "
                    + charge.amount().toBigDecimal().stripTrailingZeros().toPlainString()).toList();
        }

        /** The free units, as {@code category=count}. */
        public Map<String, Long> free() {
            Map<String, Long> free = new java.util.LinkedHashMap<>();
            result.free().forEach((category, count) -> free.put(category.wireName(), count));
            return free;
        }
    }
}
