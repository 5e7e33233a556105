package dev.janela.core.plan;

import dev.janela.core.market.MarketBasis;
import dev.janela.core.market.MarketResolver;
import dev.janela.core.market.Markets;
import dev.janela.core.meta.MetaSettings;
import dev.janela.core.pricing.PricingModel;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembles an account's pricing plans from periods that name their model: each period gets the model of that
 * name, made with the account's settings and billing time zone, and the markets that model prices by. The
 * {@code session} model prices by the basis of the session settings, taking the channels' registration countries
 * into account, with every country its own market; Meta's models price by the recipient's country in Meta's
 * regions, as Meta does. A markets file, when one is given, groups the countries of every model instead.
 *
 * <p>The plans one assembler makes share its two market resolvers, and with them every market they have found: a
 * comparison of several models over the same traffic finds each number's country once. Thread-safe; it changes
 * only by making Meta's resolver when first asked for.
 */
public final class PricingPlanAssembler {
    /**
     * One period of a plan, with its model named.
     *
     * @param from when it takes over from the one before; {@link Instant#MIN} for a period that has no start
     * @param model the pricing model's name, one of {@link PricingModels#NAMES}
     * @param prices what it costs
     * @param tiers the volume tiers of the models that have them; {@link VolumeTiers#none()} for none
     */
    public record NamedPeriod(Instant from, String model, PriceBook prices, VolumeTiers tiers) {
        public NamedPeriod {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(prices, "prices");
            Objects.requireNonNull(tiers, "tiers");
        }
    }

    private final SessionSettings settings;
    private final MetaSettings meta;
    private final ZoneId zone;
    private final MarketResolver sessionMarkets;
    private final Optional<Markets> markets;
    /** Made when a plan first has one of Meta's models: reading Meta's regions is most of a short replay's setup. */
    private MarketResolver metaMarkets;

    /**
     * @param settings the {@code session} model's settings, including whose country it prices by
     * @param meta the settings of Meta's models
     * @param zone the account's billing time zone, in which months and Meta's dated rules are reckoned
     * @param markets the markets file that groups countries into regions for every model; empty for each model's
     *     own: none for the {@code session} model, Meta's regions for Meta's
     * @param channelCountries the registration country of channels (E.164 with {@code +}) whose country is not
     *     their number's, for the {@code session} model
     */
    public PricingPlanAssembler(SessionSettings settings, MetaSettings meta, ZoneId zone, Optional<Markets> markets,
            Map<String, String> channelCountries) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meta = Objects.requireNonNull(meta, "meta");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.sessionMarkets = new MarketResolver(markets.orElseGet(Markets::none), settings.marketBasis(),
                channelCountries);
        this.markets = markets;
    }

    /** The account's billing time zone, in which the plans it makes reckon months and a plan's days begin. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * A plan of {@code periods}, in any order.
     *
     * @throws IllegalArgumentException if a period names no pricing model, or {@link PricingPlan#of(List, ZoneId)}
     *     refuses the periods (none, two with one start, or prices in different currencies)
     */
    public PricingPlan plan(List<NamedPeriod> periods) {
        return PricingPlan.of(periods.stream().map(this::period).toList(), zone);
    }

    /**
     * A plan of one model, priced by {@code prices} and {@code tiers}, for all time.
     *
     * @throws IllegalArgumentException if {@code model} names no pricing model
     */
    public PricingPlan plan(String model, PriceBook prices, VolumeTiers tiers) {
        return plan(List.of(new NamedPeriod(Instant.MIN, model, prices, tiers)));
    }

    private PricingPlan.Period period(NamedPeriod named) {
        PricingModel<?> model = PricingModels.named(named.model(), settings, meta, zone).orElseThrow(() ->
                new IllegalArgumentException("no pricing model '" + named.model() + "'; expected one of "
                        + String.join(", ", PricingModels.NAMES)));
        return new PricingPlan.Period(named.from(), model, named.prices(), named.tiers(), marketsOf(model));
    }

    private MarketResolver marketsOf(PricingModel<?> model) {
        return model instanceof SessionModel ? sessionMarkets : metaMarkets();
    }

    private synchronized MarketResolver metaMarkets() {
        if (metaMarkets == null) {
            metaMarkets = new MarketResolver(markets.orElseGet(Markets::metaRegions), MarketBasis.RECIPIENT, Map.of());
        }
        return metaMarkets;
    }
}
