package dev.janela.server.inbox;

import dev.janela.core.phone.WrittenNumbers;
import dev.janela.core.session.Session;
import dev.janela.server.channel.Channel;
import dev.janela.server.conversation.Customers;
import dev.janela.server.conversation.SessionRows;
import dev.janela.server.jdbc.Columns;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a channel's conversations for the inbox, newest first, and keeps their assignments and notes. */
@Repository
public class Inbox {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Customers customers;

    Inbox(JdbcClient jdbc, Clock clock, Customers customers) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Which conversations a page holds. */
    record Filter(boolean openOnly, Optional<Long> assignedTo, boolean unassignedOnly, Optional<Search> search) {
    }

    /**
     * What a search looks for: {@code text} as typed in names, usernames and BSUIDs, and {@code handle} in handles.
     * A handle is a number's digits, so a number written with spaces, dashes or a {@code +} is looked for by its
     * digits there.
     */
    record Search(String text, String handle) {
        static Search of(String typed) {
            return new Search(typed, WrittenNumbers.digits(typed).orElse(typed));
        }
    }

    /** A conversation as the inbox lists it. */
    record Row(long id, String handle, Optional<String> userId, Optional<String> username, String name,
            Optional<Instant> windowExpiresAt, Optional<Session> session,
            Instant lastMessageAt, Optional<LastMessage> lastMessage, Optional<Long> assignedUserId,
            Optional<String> assignedEmail) {
        /** Where a page that ends with this conversation ends, in the order newest first. */
        Cursor cursor() {
            return new Cursor(lastMessageAt, id);
        }
    }

    record LastMessage(String direction, String type, String body, String state, Instant at) {
    }

    /**
     * A message as the inbox shows it.
     *
     * @param metaWamid the id Meta gave a message Janela sent, once Meta answered
     * @param flaggedAt when the message, {@code unknown} too long, was flagged for an operator
     */
    public record Message(long id, String wamid, String direction, String type, String template, String body,
            String state, String author, Instant at, Integer errorCode, String metaWamid, Instant flaggedAt) {
    }

    record Note(long id, String author, String text, Instant createdAt) {
    }

    List<Row> page(long channelId, Filter filter, Instant now, Optional<Cursor> after, int limit) {
        StringBuilder sql = new StringBuilder("select v.id, c.handle, c.user_id, c.username, c.name,"
                + " v.window_expires_at, v.last_message_at,"
                + " s.type, s.status, s.opened_at, s.opened_by, v.assigned_user_id, u.email,"
                + " m.direction, m.type as message_type, m.body, m.state, m.at"
                + " from conversations v join customers c on c.id = v.customer_id"
                + " left join sessions s on s.id = v.current_session_id"
                + " left join users u on u.id = v.assigned_user_id"
                + " left join messages m on m.id = (select max(l.id) from messages l where l.conversation_id = v.id)"
                + " where v.channel_id = :channel");
        if (filter.openOnly()) {
            sql.append(" and v.window_expires_at > :now");
        }
        filter.assignedTo().ifPresent(user -> sql.append(" and v.assigned_user_id = :assigned"));
        if (filter.unassignedOnly()) {
            sql.append(" and v.assigned_user_id is null");
        }
        filter.search().ifPresent(search -> sql.append(" and (c.handle like :handle escape '!'"
                + " or lower(c.name) like :search escape '!' or c.user_id like :search escape '!'"
                + " or lower(c.username) like :search escape '!')"));
        after.ifPresent(position -> sql.append(" and (v.last_message_at < :at or (v.last_message_at = :at"
                + " and v.id < :id))"));
        sql.append(" order by v.last_message_at desc, v.id desc limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("channel", channelId)
                .param("limit", limit);
        if (filter.openOnly()) {
            statement = statement.param("now", Instants.param(now));
        }
        if (filter.assignedTo().isPresent()) {
            statement = statement.param("assigned", filter.assignedTo().get());
        }
        if (filter.search().isPresent()) {
            statement = statement.param("search", "%" + likeEscaped(filter.search().get().text()) + "%")
                    .param("handle", "%" + likeEscaped(filter.search().get().handle()) + "%");
        }
        if (after.isPresent()) {
            statement = statement.param("at", Instants.param(after.get().at()))
                    .param("id", after.get().id());
        }
        return statement.query(Inbox::row).list();
    }

    /** A conversation, and the handle its customer is named by now. */
    public record Located(long id, String handle) {
    }

    /**
     * The conversation of {@code channel} with the customer {@code identifier} names (a number's digits, a BSUID or
     * a parent BSUID), if they have one.
     */
    public Optional<Located> conversation(Channel channel, String identifier) {
        return customers.find(channel.accountId(), identifier).flatMap(customer -> jdbc.sql("select id from"
                + " conversations where channel_id = :channel and customer_id = :customer")
                .param("channel", channel.id()).param("customer", customer.id()).query(Long.class).optional()
                .map(id -> new Located(id, customer.handle())));
    }

    /** The conversation's latest {@code limit} messages, in the order they were written, as a thread shows them. */
    public List<Message> latestMessages(long conversationId, int limit) {
        List<Message> newestFirst = new ArrayList<>(messages(conversationId, Optional.empty(), limit));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The conversation's messages, newest first, those before message {@code before} if given. */
    public List<Message> messages(long conversationId, Optional<Long> before, int limit) {
        return jdbc.sql("select m.id, m.wamid, m.direction, m.type, t.name as template, m.body, m.state, m.author,"
                + " m.at, m.error_code, m.meta_wamid, m.flagged_at from messages m"
                + " left join templates t on t.id = m.template_id"
                + " where m.conversation_id = :conversation" + (before.isPresent() ? " and m.id < :before" : "")
                + " order by m.id desc limit :limit")
                .param("conversation", conversationId).param("before", before.orElse(0L)).param("limit", limit)
                .query((row, number) -> new Message(row.getLong("id"), row.getString("wamid"),
                        row.getString("direction"), row.getString("type"), row.getString("template"),
                        row.getString("body"), row.getString("state"), row.getString("author"),
                        Instants.read(row, "at"), Columns.nullableInteger(row, "error_code"),
                        row.getString("meta_wamid"), Instants.readOptional(row, "flagged_at").orElse(null)))
                .list();
    }

    /** Gives the conversation to {@code userId}, or to nobody. */
    void assign(long conversationId, Optional<Long> userId) {
        jdbc.sql("update conversations set assigned_user_id = :user where id = :id")
                .param("user", userId.orElse(null)).param("id", conversationId).update();
    }

    void addNote(long accountId, long channelId, long conversationId, String author, String text) {
        jdbc.sql("insert into notes (account_id, channel_id, conversation_id, author, text, created_at)"
                + " values (:account, :channel, :conversation, :author, :text, :now)")
                .param("account", accountId).param("channel", channelId).param("conversation", conversationId)
                .param("author", author).param("text", text).param("now", Instants.param(clock.instant()))
                .update();
    }

    List<Note> notes(long conversationId) {
        return jdbc.sql("select id, author, text, created_at from notes where conversation_id = :conversation"
                + " order by id").param("conversation", conversationId)
                .query((row, number) -> new Note(row.getLong("id"), row.getString("author"), row.getString("text"),
                        Instants.read(row, "created_at")))
                .list();
    }

    /** The name a conversation's customer goes by, and who answers it. */
    record About(String name, Optional<Long> assignedUserId) {
    }

    About about(long conversationId) {
        return jdbc.sql("select c.name, v.assigned_user_id from conversations v"
                + " join customers c on c.id = v.customer_id where v.id = :id").param("id", conversationId)
                .query((row, number) -> new About(row.getString("name"),
                        Columns.optionalLong(row, "assigned_user_id")))
                .single();
    }

    /** A session the conversation had, and when it ended, if it has. */
    record PastSession(String type, Instant openedAt, Optional<Instant> endedAt) {
    }

    /** A row of the ledger for the conversation: a session's charge, or its reversal. */
    record ConversationCharge(Instant at, String category, long amountMicros, String currency) {
    }

    /** The conversation's sessions, newest first. */
    List<PastSession> sessions(long conversationId) {
        return jdbc.sql("select type, opened_at, ended_at from sessions"
                + " where conversation_id = :conversation order by opened_at desc, id desc")
                .param("conversation", conversationId)
                .query((row, number) -> new PastSession(row.getString("type").toLowerCase(Locale.ROOT),
                        Instants.read(row, "opened_at"), Instants.readOptional(row, "ended_at")))
                .list();
    }

    /** The conversation's charges and reversals, newest first. */
    List<ConversationCharge> charges(long conversationId) {
        return jdbc.sql("select at, category, amount_micros, currency from charges"
                + " where conversation_id = :conversation order by at desc, id desc")
                .param("conversation", conversationId)
                .query((row, number) -> new ConversationCharge(Instants.read(row, "at"), row.getString("category"),
                        row.getLong("amount_micros"), row.getString("currency")))
                .list();
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        Optional<LastMessage> last = Optional.empty();
        if (row.getString("direction") != null) {
            last = Optional.of(new LastMessage(row.getString("direction"), row.getString("message_type"),
                    row.getString("body"), row.getString("state"), Instants.read(row, "at")));
        }
        return new Row(row.getLong("id"), row.getString("handle"), Optional.ofNullable(row.getString("user_id")),
                Optional.ofNullable(row.getString("username")), row.getString("name"),
                Instants.readOptional(row, "window_expires_at"), SessionRows.read(row),
                Instants.read(row, "last_message_at"), last,
                Columns.optionalLong(row, "assigned_user_id"),
                Optional.ofNullable(row.getString("email")));
    }

    /** {@code text} for a LIKE pattern, its wildcards taken literally. */
    private static String likeEscaped(String text) {
        return text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
