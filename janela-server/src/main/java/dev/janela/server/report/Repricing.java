package dev.janela.server.report;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.Decision;
import dev.janela.core.ledger.Charge;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.CustomerIds;
import dev.janela.server.conversation.Engines;
import dev.janela.server.conversation.Inbound;
import dev.janela.server.conversation.MessageState;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.plan.PricingPlans;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prices an account's past traffic again under another model, in memory, without touching the ledger: what the
 * same messages would have cost. The messages are read from before the period (from the start of its first month,
 * and at least three days before) so that windows, open conversations and monthly counts are as they were when the
 * period began; only the charges inside the period are added up.
 */
@Component
class Repricing {
    /** The longest that anything a model remembers lasts: a free entry point's 72 hours. */
    private static final Duration LONGEST_STATE = Duration.ofHours(72);

    private final JdbcClient jdbc;
    private final Channels channels;
    private final Engines engines;
    private final PricingPlans plans;

    Repricing(JdbcClient jdbc, Channels channels, Engines engines, PricingPlans plans) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.engines = engines;
        this.plans = plans;
    }

    /** The groups of {@code [from, to)} as {@code model} would have charged them, in the order of their keys. */
    List<CostReports.Group> costs(long accountId, Instant from, Instant to, List<Dimension> groupBy, String model) {
        Map<List<String>, long[]> groups = new TreeMap<>(CostReports::compareKeys);
        String[] currency = new String[1];
        rate(accountId, from, to, model, (channel, charge) -> {
            if (charge.at().isBefore(from)) {
                return;
            }
            currency[0] = charge.amount().currency().getCurrencyCode();
            long[] sums = groups.computeIfAbsent(CostReports.key(groupBy, charge.at(), charge.market(),
                    charge.category().wireName(), channel.phoneNumberId()), ignored -> new long[2]);
            sums[0] = Math.addExact(sums[0], charge.amount().micros());
            sums[1]++;
        });
        List<CostReports.Group> result = new ArrayList<>();
        groups.forEach((key, sums) -> result.add(new CostReports.Group(key, currency[0], sums[0], sums[1], 0,
                sums[1])));
        return result;
    }

    private void rate(long accountId, Instant from, Instant to, String model,
            BiConsumer<Channel, Charge> sink) {
        ZoneId zone = plans.stored(accountId).zone();
        Instant monthStart = YearMonth.from(from.atZone(zone)).atDay(1).atStartOfDay(zone).toInstant();
        Instant earlier = from.minus(LONGEST_STATE);
        Instant start = monthStart.isBefore(earlier) ? monthStart : earlier;
        Map<Long, Channel> byId = new HashMap<>();
        channels.list(accountId).forEach(channel -> byId.put(channel.id(), channel));
        Map<Long, ConversationEngine> engineOf = new HashMap<>();
        Map<Long, ConversationState> states = new HashMap<>();
        MonthlyUsage usage = new MonthlyUsage();
        jdbc.sql("select m.wamid, m.at, m.direction, m.type, m.category, m.state, m.referral, m.channel_id,"
                + " m.conversation_id, c.handle from messages m join conversations v on v.id = m.conversation_id"
                + " join customers c on c.id = v.customer_id"
                + " where m.account_id = :account and m.at >= :start and m.at < :to and m.type <> :system"
                + " order by m.at, m.id")
                .param("account", accountId).param("start", Instants.param(start)).param("to", Instants.param(to))
                .param("system", Inbound.SYSTEM)
                .query(row -> {
                    Channel channel = byId.get(row.getLong("channel_id"));
                    ConversationEngine engine = engineOf.computeIfAbsent(channel.id(),
                            id -> engines.engineFor(channel, model));
                    ConversationKey key = CustomerIds.conversationKey(channel.number(), row.getString("handle"));
                    Event event = event(row.getString("wamid"), Instants.read(row, "at"), key,
                            row.getString("direction"), row.getString("type"), row.getString("category"),
                            row.getString("state"), row.getBoolean("referral"));
                    long conversation = row.getLong("conversation_id");
                    Decision decision = engine.decide(states.computeIfAbsent(conversation,
                            ignored -> engine.initialState()), event, usage);
                    states.put(conversation, decision.next());
                    decision.charge().ifPresent(charge -> sink.accept(channel, charge));
                });
    }

    private static Event event(String wamid, Instant at, ConversationKey key, String direction, String type,
            String category, String state, boolean referral) {
        if (direction.equals("in")) {
            return new CustomerMessage(wamid, at, key, referral);
        }
        boolean failed = state.equals(MessageState.FAILED.wireName());
        if (type.equals("template") && category != null) {
            return new TemplateMessage(wamid, at, key, TemplateCategory.fromWireName(category).orElseThrow(), failed);
        }
        return new FreeFormMessage(wamid, at, key, failed);
    }
}
