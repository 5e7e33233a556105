package dev.janela.server.plan;

import dev.janela.core.market.MarketBasis;
import dev.janela.core.meta.MetaSettings;
import dev.janela.core.plan.PricingPlan;
import dev.janela.core.plan.PricingPlanAssembler;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.ratecard.VolumeTiersParser;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import dev.janela.server.channel.Channel;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.ratecard.RateCards;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every account's pricing plan: the periods that say which model prices its traffic from when (the
 * {@code session} model before the first), its billing time zone, its volume tiers, and its rate cards as the
 * prices of every period. Plans are cached by the account's plan version, which every change increments, so a change
 * made by any process is seen at once.
 */
@Repository
public class PricingPlans {
    private final JdbcClient jdbc;
    private final RateCards rateCards;
    private final Clock clock;
    private final Map<Long, Stored> cache = new ConcurrentHashMap<>();

    PricingPlans(JdbcClient jdbc, RateCards rateCards, Clock clock) {
        this.jdbc = jdbc;
        this.rateCards = rateCards;
        this.clock = clock;
    }

    /** A period as stored: from when a model prices the account's traffic. */
    public record StoredPeriod(Instant from, String model) {
    }

    /**
     * An account's plan as stored.
     *
     * @param version how many changes it has had
     * @param zone the billing time zone
     * @param marketBasis whose country the session model prices by
     * @param periods the periods, earliest first; empty when the session model prices everything
     * @param tiersCsv the volume tiers as uploaded, if any
     * @param meta the settings of Meta's models: each business number's free service messages a month
     */
    public record Stored(long version, ZoneId zone, MarketBasis marketBasis, List<StoredPeriod> periods,
            Optional<String> tiersCsv, VolumeTiers tiers, MetaSettings meta) {
    }

    /** The account's plan as stored. */
    public Stored stored(long accountId) {
        return current(accountId).stored();
    }

    /** The account's plan as stored, and how many rate card versions it has then. */
    private record Current(Stored stored, long rateCardVersions) {
    }

    /**
     * The account's plan, and the count of its rate card versions by which {@link RateCards} checks its price book,
     * read in one statement: a batch of deliveries or sends asks for both.
     */
    private Current current(long accountId) {
        Settings settings = jdbc.sql("select plan_version, time_zone, market_basis, free_service_messages,"
                + " (select count(*) from rate_cards r where r.account_id = a.id) as rate_card_versions"
                + " from accounts a where a.id = :id")
                .param("id", accountId)
                .query((row, number) -> new Settings(row.getLong("plan_version"), row.getString("time_zone"),
                        row.getString("market_basis"), row.getLong("free_service_messages"),
                        row.getLong("rate_card_versions")))
                .single();
        Stored cached = cache.get(accountId);
        if (cached != null && cached.version() == settings.version) {
            return new Current(cached, settings.rateCardVersions);
        }
        List<StoredPeriod> periods = jdbc.sql("select effective_from, model from pricing_periods"
                + " where account_id = :account order by effective_from")
                .param("account", accountId)
                .query((row, number) -> new StoredPeriod(Instants.read(row, "effective_from"), row.getString("model")))
                .list();
        Optional<String> tiersCsv = jdbc.sql("select volume_tiers from accounts where id = :id")
                .param("id", accountId).query(String.class).optional();
        Stored loaded = new Stored(settings.version, ZoneId.of(settings.zone),
                MarketBasis.fromWireName(settings.basis).orElse(MarketBasis.BUSINESS), periods, tiersCsv,
                tiersCsv.map(csv -> VolumeTiersParser.parse("volume tiers", csv)).orElse(VolumeTiers.none()),
                new MetaSettings(settings.freeServiceMessages));
        cache.put(accountId, loaded);
        return new Current(loaded, settings.rateCardVersions);
    }

    private record Settings(long version, String zone, String basis, long freeServiceMessages,
            long rateCardVersions) {
    }

    /** The plan that prices the traffic of {@code channel}, under its account's stored plan. */
    public PricingPlan planOf(Channel channel) {
        Current current = current(channel.accountId());
        return plan(channel, current, current.stored().periods());
    }

    /**
     * The plan that would price the traffic of {@code channel} under {@code model} alone, with the account's rate
     * cards, tiers and time zone: for pricing past traffic again under another model.
     */
    public PricingPlan planOf(Channel channel, String model) {
        return plan(channel, current(channel.accountId()), List.of(new StoredPeriod(Instant.MIN, model)));
    }

    private PricingPlan plan(Channel channel, Current current, List<StoredPeriod> periods) {
        Stored stored = current.stored();
        PriceBook prices = rateCards.priceBook(channel.accountId(), current.rateCardVersions());
        PricingPlanAssembler plans = new PricingPlanAssembler(
                SessionSettings.DEFAULTS.withMarketBasis(stored.marketBasis()), stored.meta(), stored.zone(),
                Optional.empty(),
                Map.of(channel.number(), channel.country()));
        List<StoredPeriod> all = new ArrayList<>();
        if (periods.isEmpty() || !periods.get(0).from().equals(Instant.MIN)) {
            all.add(new StoredPeriod(Instant.MIN, SessionModel.NAME));
        }
        all.addAll(periods);
        return plans.plan(all.stream().map(period -> new PricingPlanAssembler.NamedPeriod(period.from(),
                period.model(), prices, stored.tiers())).toList());
    }

    /**
     * A change of plan, read and checked.
     *
     * @param periods the periods, from which model prices from when
     * @param tiersCsv the volume tiers, as uploaded
     * @param meta the settings of Meta's models
     */
    public record Change(ZoneId zone, List<StoredPeriod> periods, Optional<String> tiersCsv, MetaSettings meta) {
    }

    /**
     * Replaces the account's plan: its periods, time zone and volume tiers.
     *
     * @param by who made the change
     */
    @Transactional
    public void replace(long accountId, Change change, String by) {
        Instant now = clock.instant();
        jdbc.sql("delete from pricing_periods where account_id = :account").param("account", accountId).update();
        for (StoredPeriod period : change.periods()) {
            jdbc.sql("insert into pricing_periods (account_id, effective_from, model, created_at, created_by)"
                    + " values (:account, :from, :model, :now, :by)")
                    .param("account", accountId).param("from", Instants.param(period.from()))
                    .param("model", period.model()).param("now", Instants.param(now)).param("by", by).update();
        }
        jdbc.sql("update accounts set time_zone = :zone, volume_tiers = :tiers,"
                + " free_service_messages = :freeService, plan_version = plan_version + 1 where id = :id")
                .param("zone", change.zone().getId()).param("tiers", change.tiersCsv().orElse(null))
                .param("freeService", change.meta().freeServiceMessages()).param("id", accountId).update();
    }
}
