package dev.janela.server.report;

import dev.janela.core.JanelaException;
import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.pricing.Category;
import dev.janela.core.ratecard.Price;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.CustomerIds;
import dev.janela.server.conversation.Engines;
import dev.janela.server.jdbc.Columns;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.ledger.Ledger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Meta's pricing of each message Janela sent (the {@code pricing} object of its status webhooks) against Janela's
 * own decision for it. Where the models correspond ({@code PMP} and {@code pmp-2025}, {@code CBP} and the
 * {@code cbp-} models) they are compared on whether the message is billable, its category and, for per-message
 * pricing, its type; where they do not (an account pricing by {@code session}), the model itself is the difference.
 */
@Repository
class Reconciliation {
    static final String MODEL = "model";
    static final String BILLABLE = "billable";
    static final String CATEGORY = "category";
    static final String TYPE = "type";

    private final JdbcClient jdbc;
    private final Channels channels;
    private final Engines engines;

    Reconciliation(JdbcClient jdbc, Channels channels, Engines engines) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.engines = engines;
    }

    /**
     * Janela's decision for a message.
     *
     * @param unit {@code charged}, {@code free} or {@code none}
     * @param billable whether Janela charged it and it was not reversed
     */
    record Janela(String model, String unit, String category, boolean billable) {
    }

    /** Meta's {@code pricing} object for a message, as its status webhooks gave it. */
    record Meta(String pricingModel, Boolean billable, String type, String category) {
        /** Whether Meta bills it: its type says so, or, before per-message pricing, {@code billable}. */
        public boolean bills() {
            return type != null ? type.equals("regular") : Boolean.TRUE.equals(billable);
        }
    }

    /** A message on which Meta and Janela disagree, and on what. */
    record Disagreement(long id, String wamid, String metaWamid, Instant at, String phoneNumberId, String customer,
            String template, String state, Janela janela, Meta meta, List<String> differences) {
        /** The customer as the pages show them: their number with {@code +}, or their BSUID. */
        public String customerShown() {
            return CustomerIds.shown(customer, Optional.empty());
        }
    }

    /**
     * The period's counts.
     *
     * @param messages messages Janela sent in the period
     * @param reported those Meta's webhooks priced
     * @param unreported those Meta reports as sent (or further) without any pricing yet
     * @param byDifference how many disagreements each difference has
     */
    record Totals(long messages, long reported, long unreported, long agreeing, long disagreeing,
            Map<String, Long> byDifference, long billableByJanela, long billableByMeta, Amounts amounts) {
    }

    /**
     * What the period's messages cost, each side's way, in the account's currency.
     *
     * @param chargedByJanela the ledger's rows for them, reversals included
     * @param billedByMeta the messages Meta's per-message pricing bills, at the account's rates for their market
     *     and Meta's category: what Meta's invoice should hold, if the rates are Meta's
     * @param unpriced messages Meta bills that the account's rates have no price for (a category such as
     *     {@code marketing_lite}), left out of {@code billedByMeta}
     */
    record Amounts(String currency, String chargedByJanela, String billedByMeta, long unpriced) {
    }

    /** The totals, and one page of the disagreements, oldest first, with the cursor to the next. */
    record Report(Instant from, Instant to, Totals totals, List<Disagreement> disagreements, Long next) {
    }

    Report reconcile(long accountId, Instant from, Instant to, Optional<Long> after, int limit) {
        Counter counter = new Counter(after.orElse(0L), limit, new MetaPrices());
        jdbc.sql("select m.id, m.wamid, m.meta_wamid, m.at, m.state, m.priced_model, m.priced_unit,"
                + " m.priced_category, m.meta_pricing_model, m.meta_billable, m.meta_pricing_type, m.meta_category,"
                + " m.channel_id, c.phone_number_id, u.handle, t.name as template from messages m"
                + " join channels c on c.id = m.channel_id join conversations v on v.id = m.conversation_id"
                + " join customers u on u.id = v.customer_id left join templates t on t.id = m.template_id"
                + " where m.account_id = :account and m.direction = 'out' and m.at >= :from and m.at < :to"
                + " order by m.id")
                .param("account", accountId).param("from", Instants.param(from)).param("to", Instants.param(to))
                .query((RowCallbackHandler) counter::count);
        Totals totals = new Totals(counter.messages, counter.reported, counter.unreported,
                counter.reported - counter.disagreeing, counter.disagreeing, counter.byDifference,
                counter.billableByJanela, counter.billableByMeta, amounts(accountId, from, to, counter.prices));
        boolean more = counter.page.size() > limit;
        List<Disagreement> page = more ? counter.page.subList(0, limit) : counter.page;
        return new Report(from, to, totals, List.copyOf(page), more ? page.get(limit - 1).id() : null);
    }

    /** The period's amounts: the ledger's rows for its messages, and Meta's bill as the counter priced it. */
    private Amounts amounts(long accountId, Instant from, Instant to, MetaPrices prices) {
        Ledgered ledgered = jdbc.sql("select coalesce(sum(ch.amount_micros), 0) as micros, max(ch.currency) as currency"
                + " from charges ch join messages m on m.channel_id = ch.channel_id and m.wamid = ch.event_id"
                + " where ch.account_id = :account and m.direction = 'out' and m.at >= :from and m.at < :to")
                .param("account", accountId).param("from", Instants.param(from)).param("to", Instants.param(to))
                .query((row, number) -> new Ledgered(row.getLong("micros"), row.getString("currency"))).single();
        String currency = ledgered.currency() != null ? ledgered.currency() : prices.currency;
        return new Amounts(currency, Ledger.decimal(ledgered.micros(), 4), Ledger.decimal(prices.micros, 4),
                prices.unpriced);
    }

    private record Ledgered(long micros, String currency) {
    }

    /**
     * Prices the messages Meta bills per message at the account's rates: the market of the customer as the plan
     * in force sees it, and Meta's category. A conversation's price (before per-message pricing) is not a message's,
     * so those messages are not priced here.
     */
    private final class MetaPrices {
        private final Map<Long, Optional<Priced>> byChannel = new HashMap<>();
        private long micros;
        private long unpriced;
        private String currency;

        /** A channel, and the engine that prices its traffic. */
        private record Priced(Channel channel, ConversationEngine engine) {
        }

        void add(long channelId, String waId, Instant at, Meta meta) {
            if (!"PMP".equals(meta.pricingModel()) || !meta.bills()) {
                return;
            }
            Optional<Priced> priced = byChannel.computeIfAbsent(channelId, id -> channels.findById(id)
                    .map(channel -> new Priced(channel, engines.engineFor(channel))));
            Optional<Category> category = Optional.ofNullable(meta.category()).flatMap(Category::fromWireName);
            if (priced.isEmpty() || category.isEmpty()) {
                unpriced++;
                return;
            }
            ConversationEngine engine = priced.get().engine();
            if (!engine.plan().periods().get(0).prices().versions().isEmpty()) {
                currency = engine.plan().currency().getCurrencyCode();
            }
            ConversationKey key = CustomerIds.conversationKey(priced.get().channel().number(), waId);
            try {
                Price price = engine.plan().at(at).prices().price(engine.marketOf(key, at), category.get(), at);
                micros += price.amount().micros();
            } catch (JanelaException noPrice) {
                unpriced++;
            }
        }
    }

    /** What Meta and Janela disagree on for one message; empty when they agree. */
    static List<String> differences(Janela janela, Meta meta) {
        boolean sameModel = switch (meta.pricingModel() == null ? "" : meta.pricingModel()) {
            case "PMP" -> "pmp-2025".equals(janela.model()) || "pmp-2026".equals(janela.model());
            case "CBP" -> janela.model() != null && janela.model().startsWith("cbp-");
            default -> false;
        };
        if (!sameModel) {
            return List.of(MODEL);
        }
        List<String> differences = new ArrayList<>();
        // Inside a conversation already paid for, Janela decides nothing of its own, while Meta bills it with it.
        boolean decided = !"none".equals(janela.unit()) || meta.pricingModel().equals("PMP");
        if (decided && janela.billable() != meta.bills()) {
            differences.add(BILLABLE);
        }
        if (janela.category() != null && meta.category() != null && !janela.category().equals(meta.category())) {
            differences.add(CATEGORY);
        }
        String expectedType = expectedType(janela);
        if (expectedType != null && meta.type() != null && !expectedType.equals(meta.type())) {
            differences.add(TYPE);
        }
        return List.copyOf(differences);
    }

    /**
     * The type Meta would give a message Janela decided so, under per-message pricing; null where Meta's is not
     * known: how Meta marks a service message its monthly allowance made free ({@code pmp-2026}) is not published.
     */
    private static String expectedType(Janela janela) {
        if ("charged".equals(janela.unit())) {
            return "regular";
        }
        if ("free".equals(janela.unit()) && "pmp-2026".equals(janela.model()) && "service".equals(janela.category())) {
            return null;
        }
        if ("free".equals(janela.unit())) {
            return "referral_conversion".equals(janela.category()) ? "free_entry_point" : "free_customer_service";
        }
        return null;
    }

    /** Counts the messages as they stream from the database, keeping one page of disagreements. */
    private static final class Counter {
        private final long after;
        private final int limit;
        private final List<Disagreement> page = new ArrayList<>();
        private final MetaPrices prices;
        private final Map<String, Long> byDifference = new TreeMap<>();
        private long messages;
        private long reported;
        private long unreported;
        private long disagreeing;
        private long billableByJanela;
        private long billableByMeta;

        Counter(long after, int limit, MetaPrices prices) {
            this.after = after;
            this.limit = limit;
            this.prices = prices;
        }

        void count(ResultSet row) throws SQLException {
            messages++;
            String state = row.getString("state");
            Janela janela = new Janela(row.getString("priced_model"), row.getString("priced_unit"),
                    row.getString("priced_category"), "charged".equals(row.getString("priced_unit"))
                    && !"failed".equals(state));
            billableByJanela += janela.billable() ? 1 : 0;
            if (row.getString("meta_pricing_model") == null) {
                unreported += List.of("sent", "delivered", "read").contains(state) ? 1 : 0;
                return;
            }
            reported++;
            Meta meta = new Meta(row.getString("meta_pricing_model"), Columns.nullableBoolean(row, "meta_billable"),
                    row.getString("meta_pricing_type"), row.getString("meta_category"));
            billableByMeta += meta.bills() ? 1 : 0;
            prices.add(row.getLong("channel_id"), row.getString("handle"), Instants.read(row, "at"), meta);
            List<String> differences = differences(janela, meta);
            if (differences.isEmpty()) {
                return;
            }
            disagreeing++;
            differences.forEach(difference -> byDifference.merge(difference, 1L, Long::sum));
            long id = row.getLong("id");
            if (id > after && page.size() <= limit) {
                page.add(new Disagreement(id, row.getString("wamid"), row.getString("meta_wamid"),
                        Instants.read(row, "at"), row.getString("phone_number_id"), row.getString("handle"),
                        row.getString("template"), state, janela, meta, differences));
            }
        }
    }
}
