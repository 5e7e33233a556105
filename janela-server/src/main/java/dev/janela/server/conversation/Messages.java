package dev.janela.server.conversation;

import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.UsageKey;
import dev.janela.server.jdbc.BatchedWrites;
import dev.janela.server.jdbc.GroupCommit;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.plan.UsageCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every conversation's messages, both ways. */
@Repository
public class Messages {
    private static final String INSERT = "insert into messages (account_id, channel_id, conversation_id, wamid,"
            + " direction, type, template_id, category, body, state, author, at, state_at, created_at, priced_model,"
            + " priced_unit, priced_category, counted_in, business_initiated, referral)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SET_PRICING = "meta_pricing_model = :model, meta_billable = :billable,"
            + " meta_pricing_type = :type, meta_category = :category";
    private static final String RECORD_META_WAMID = "update messages set meta_wamid = ? where id = ?"
            + " and meta_wamid is null";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    Messages(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /** A message as a status report needs it: Janela's id ({@code wamid}) whichever id the report named. */
    /** @param counted the monthly count the message used, if it used one */
    public record Tracked(long id, String wamid, long conversationId, Customer customer, MessageState state,
            Optional<String> metaWamid, Optional<String> callbackData, Optional<UsageKey> counted) {
    }

    /** Records a message of the conversation, and returns its id. */
    long add(StoredConversation conversation, NewMessage message) {
        return jdbc.sql(INSERT + " returning id").params(row(conversation, message)).query(Long.class).single();
    }

    /**
     * Records a customer's message, with the rest of its batch when it is applied in a {@link GroupCommit}'s: nothing
     * reads a received message back in the transaction that stores it, where a send's is queued by its id.
     */
    void addReceived(StoredConversation conversation, NewMessage message) {
        BatchedWrites.write(batches, INSERT, row(conversation, message));
    }

    private Object[] row(StoredConversation conversation, NewMessage message) {
        return new Object[] {conversation.accountId(), conversation.channel().id(), conversation.id(),
            message.wamid(), message.direction().wireName(), message.type(),
            message.template().map(Outbound.TemplateRef::id).orElse(null),
            message.template().map(template -> template.category().wireName()).orElse(null),
            message.body().orElse(null), message.state().wireName(), message.author().orElse(null),
            Instants.param(message.at()), Instants.param(message.at()), Instants.param(clock.instant()),
            message.priced().model(), message.priced().unit().wireName(),
            message.priced().category().map(Category::wireName).orElse(null),
            message.priced().counted().map(UsageCounts::encode).orElse(null), message.businessInitiated(),
            message.referral()};
    }

    /** An outbound message, as a connector that reports by itself needs it. */
    public record Outgoing(long id, long channelId, String wamid) {
    }

    /** The id of the last message stored, in any account; 0 when there is none. */
    public long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from messages").query(Long.class).single();
    }

    /**
     * Outbound messages in one of {@code states} that never reached Meta (Meta gave them no id), in any account, with
     * ids after {@code after} up to {@code upTo}, in the order of their ids: at most {@code limit}, so that a caller
     * reads them a page at a time.
     */
    public List<Outgoing> outgoingNeverAtMeta(Set<MessageState> states, long after, long upTo, int limit) {
        return jdbc.sql("select id, channel_id, wamid from messages where state in (:states) and direction = :out"
                + " and meta_wamid is null and id > :after and id <= :upTo order by id limit :limit")
                .param("states", states.stream().map(MessageState::wireName).toList())
                .param("out", Direction.OUT.wireName()).param("after", after).param("upTo", upTo)
                .param("limit", limit)
                .query((row, number) -> new Outgoing(row.getLong("id"), row.getLong("channel_id"),
                        row.getString("wamid"))).list();
    }

    /** The channel's message with {@code id}: Janela's id for it, or Meta's. */
    public Optional<Tracked> find(long channelId, String id) {
        return find(channelId, List.of(id));
    }

    /**
     * The channel's message the first of {@code ids} names, as Janela's id for it or else as Meta's: in one statement
     * for them all, which each store answers with a lookup of each id in each of the two indexes.
     */
    public Optional<Tracked> find(long channelId, List<String> ids) {
        List<Tracked> named = jdbc.sql("select m.id, m.wamid, m.meta_wamid, m.callback_data, m.conversation_id,"
                + " m.state, m.counted_in, c.id as customer_id, c.handle, c.phone, c.user_id, c.parent_user_id,"
                + " c.username, c.name"
                + " from messages m"
                + " join conversations v on v.id = m.conversation_id join customers c on c.id = v.customer_id"
                + " where (m.channel_id = :channel and m.wamid in (:ids))"
                + " or (m.channel_id = :channel and m.meta_wamid in (:ids))")
                .param("channel", channelId).param("ids", ids)
                .query((row, number) -> new Tracked(row.getLong("id"), row.getString("wamid"),
                        row.getLong("conversation_id"), Customers.customer(row, "customer_id"),
                        MessageState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                        Optional.ofNullable(row.getString("meta_wamid")),
                        Optional.ofNullable(row.getString("callback_data")),
                        Optional.ofNullable(row.getString("counted_in")).map(UsageCounts::decode)))
                .list();
        for (String id : ids) {
            Optional<Tracked> found = named.stream().filter(each -> each.wamid().equals(id)).findFirst()
                    .or(() -> named.stream().filter(each -> each.metaWamid().filter(id::equals).isPresent())
                            .findFirst());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Records what the client asked to have echoed in the message's statuses. */
    public void recordCallbackData(long channelId, String wamid, String callbackData) {
        jdbc.sql("update messages set callback_data = :data where channel_id = :channel and wamid = :wamid")
                .param("data", callbackData).param("channel", channelId).param("wamid", wamid).update();
    }

    /** Records the id Meta gave the message, at once: a status applied later in the transaction may name it. */
    public void recordMetaWamid(long id, String metaWamid) {
        batches.update(RECORD_META_WAMID, metaWamid, id);
    }

    /**
     * Records the id Meta answered a send with, with the rest of its batch when the answer is settled in a
     * {@link GroupCommit}'s: nothing in a settlement's transaction looks a message up by Meta's id.
     */
    public void recordMetaAnswer(long id, String metaWamid) {
        BatchedWrites.write(batches, RECORD_META_WAMID, metaWamid, id);
    }

    /** Records how Meta priced the message; a report without pricing leaves what an earlier one said. */
    public void recordMetaPricing(long id, MetaPricing pricing) {
        withPricing(jdbc.sql("update messages set " + SET_PRICING + " where id = :id"), pricing).param("id", id)
                .update();
    }

    private static JdbcClient.StatementSpec withPricing(JdbcClient.StatementSpec statement, MetaPricing pricing) {
        return statement.param("model", pricing.pricingModel()).param("billable", pricing.billable())
                .param("type", pricing.type()).param("category", pricing.category());
    }

    /**
     * A message whose send lost its answer, as an operator sees it.
     *
     * @param flaggedAt when it was flagged for having stayed unknown past the deadline; null until then
     */
    public record Unknown(String phoneNumberId, String wamid, String customer, String type, String body,
            Instant at, Instant unknownSince, Instant flaggedAt) {
    }

    /** The account's messages whose outcome is unknown, oldest first. */
    public List<Unknown> unknown(long accountId) {
        return jdbc.sql("select c.phone_number_id, m.wamid, u.handle, m.type, m.body, m.at, m.unknown_since,"
                + " m.flagged_at from messages m join channels c on c.id = m.channel_id join conversations v on"
                + " v.id = m.conversation_id join customers u on u.id = v.customer_id"
                + " where m.unknown_since is not null and m.account_id = :account order by m.id")
                .param("account", accountId)
                .query((row, number) -> new Unknown(row.getString("phone_number_id"), row.getString("wamid"),
                        row.getString("handle"), row.getString("type"), row.getString("body"),
                        Instants.read(row, "at"), Instants.read(row, "unknown_since"),
                        Instants.readOptional(row, "flagged_at").orElse(null)))
                .list();
    }

    /** How many messages, of every account, are {@code unknown}. */
    public long unknownCount() {
        return jdbc.sql("select count(*) from messages where unknown_since is not null").query(Long.class).single();
    }

    /** A message that stayed {@code unknown} too long. */
    public record Overdue(long accountId, String phoneNumberId, String wamid, Instant unknownSince) {
    }

    /**
     * Flags the messages {@code unknown} since before {@code before} for an operator, once each.
     *
     * @return the messages flagged now
     */
    public List<Overdue> flagUnknownSince(Instant before, Instant now) {
        List<Overdue> overdue = jdbc.sql("select m.account_id, c.phone_number_id, m.wamid, m.unknown_since"
                + " from messages m join channels c on c.id = m.channel_id where m.unknown_since < :before"
                + " and m.flagged_at is null order by m.id")
                .param("before", Instants.param(before))
                .query((row, number) -> new Overdue(row.getLong("account_id"), row.getString("phone_number_id"),
                        row.getString("wamid"), Instants.read(row, "unknown_since")))
                .list();
        jdbc.sql("update messages set flagged_at = :now where unknown_since < :before and flagged_at is null")
                .param("now", Instants.param(now)).param("before", Instants.param(before)).update();
        return overdue;
    }

    /**
     * Moves a message to {@code state}, as reported at {@code at}, with the platform's error code and pricing if the
     * report gave them: one update, which changes no indexed column and so writes no index entry on PostgreSQL
     * while its page has room (V20 says why that matters).
     */
    void setState(long id, MessageState state, Instant at, Optional<Integer> errorCode,
            Optional<MetaPricing> pricing) {
        JdbcClient.StatementSpec update = jdbc.sql("update messages set state = :state, state_at = :at,"
                + " unknown_since = :unknownSince, error_code = coalesce(:error, error_code)"
                + (pricing.isPresent() ? ", " + SET_PRICING : "") + " where id = :id")
                .param("state", state.wireName()).param("at", Instants.param(at))
                .param("unknownSince", state == MessageState.UNKNOWN ? Instants.param(at) : null)
                .param("error", errorCode.orElse(null)).param("id", id);
        pricing.map(reported -> withPricing(update, reported)).orElse(update).update();
    }
}
