package dev.janela.server.conversation;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.meta.MetaPricingStates;
import dev.janela.core.pricing.PricingState;
import dev.janela.core.session.NoSession;
import dev.janela.core.session.Session;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionStatus;
import dev.janela.server.channel.Channel;
import dev.janela.server.jdbc.Columns;
import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations' state in the database: the window's expiry on the conversation's row, the sessions of the
 * {@code session} model as rows of their own (the current one named by the conversation, the others kept as
 * history), and what Meta's models remember as text on the conversation's row. Every read of a state for a
 * decision locks the conversation's row until the transaction ends, so that the decisions of one conversation are
 * serialised, in one process or in several over one database.
 */
@Repository
class ConversationStore {
    /** How many customers one query of {@link #peekAll} asks for: well within both databases' limits. */
    private static final int PEEK_BATCH = 1_000;
    /** A conversation's row with its current session's: what its state is read from. */
    private static final String CONVERSATION = "select v.id, v.window_expires_at, v.pricing_state,"
            + " v.current_session_id, s.id as session_id, s.type, s.status, s.opened_at, s.opened_by"
            + " from conversations v left join sessions s on s.id = v.current_session_id where ";
    private static final String OF_CUSTOMER = "v.channel_id = :channel and v.customer_id = :customer";
    private static final String INSERT_SESSION = "insert into sessions (account_id, channel_id, conversation_id, type,"
            + " status, opened_at, opened_by, ended_at) values (:account, :channel, :conversation, :type, :status,"
            + " :opened, :by, :ended)";
    /** The state of a conversation just made: no window yet, no session, nothing a model remembers. */
    private static final ConversationState NEW_STATE = ConversationState.of(Optional.empty(), NoSession.INSTANCE);

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final Clock clock;
    private final ConversationEvents events;
    private final Customers customers;

    ConversationStore(JdbcClient jdbc, Dialect dialect, Clock clock, ConversationEvents events, Customers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.dialect = dialect;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The conversation of {@code channel} and the customer {@code ids} name, both made if they are new, with its row
     * locked for the rest of the transaction.
     */
    StoredConversation lock(Channel channel, CustomerIds ids) {
        return lock(channel, customers.resolved(channel.accountId(), ids, clock.instant()));
    }

    /**
     * The conversation of {@code channel} and the customer {@code identifier} names (a phone number's digits, a BSUID
     * or a parent BSUID), both made if they are new, with its row locked for the rest of the transaction.
     */
    StoredConversation lock(Channel channel, String identifier) {
        return lock(channel, customers.findOrMake(channel.accountId(), identifier, clock.instant()));
    }

    /** The conversation of {@code channel} and {@code customer}, made if it is new, with its row locked. */
    StoredConversation lock(Channel channel, Customer customer) {
        return lock(channel, new Customers.Resolved(customer, false));
    }

    private StoredConversation lock(Channel channel, Customers.Resolved resolved) {
        Customer customer = resolved.customer();
        // Most conversations exist already: they are locked at once. A new one is this transaction's once inserted,
        // as nothing else sees it until it commits; only if another made it meanwhile is it read again. A customer
        // this transaction made has none yet, and nobody else sees the customer to make one.
        Optional<Locked> existing = resolved.made() ? Optional.empty() : locked(channel, customer);
        Locked row = existing.orElseGet(() -> inserted(channel, customer)
                .orElseGet(() -> locked(channel, customer).orElseThrow()));
        ConversationState state = row.state.orElseGet(() -> jdbc.sql(CONVERSATION + "v.id = :id")
                .param("id", row.id).query((again, number) -> state(again)).single());
        return new StoredConversation(row.id, channel, customer, key(channel, customer.handle()), state);
    }

    /**
     * The conversation's row, locked, and its state unless it must be read again: PostgreSQL, once it has waited for
     * a transaction that held the row, locks the row as that transaction left it, but joins the session as it was
     * when the statement began, without a session that transaction opened. A statement made now sees it.
     */
    private Optional<Locked> locked(Channel channel, Customer customer) {
        return jdbc.sql(CONVERSATION + OF_CUSTOMER + dialect.lockRowsOf("v"))
                .param("channel", channel.id()).param("customer", customer.id())
                .query((row, number) -> new Locked(row.getLong("id"),
                        currentSessionJoined(row) ? Optional.of(state(row)) : Optional.empty()))
                .optional();
    }

    /** The conversation of {@code channel} and {@code customer}, made now with no state; empty if it existed. */
    private Optional<Locked> inserted(Channel channel, Customer customer) {
        return jdbc.sql("insert into conversations (account_id, channel_id, customer_id, created_at) values (:account,"
                + " :channel, :customer, :now) on conflict (channel_id, customer_id) do nothing returning id")
                .param("account", channel.accountId()).param("channel", channel.id())
                .param("customer", customer.id()).param("now", Instants.param(clock.instant()))
                .query((row, number) -> new Locked(row.getLong("id"), Optional.of(NEW_STATE))).optional();
    }

    /** Whether {@code row} holds the conversation's current session, or has none. */
    private static boolean currentSessionJoined(ResultSet row) throws SQLException {
        return Columns.optionalLong(row, "current_session_id").equals(Columns.optionalLong(row, "session_id"));
    }

    /**
     * The conversation of {@code channel} and the customer {@code identifier} names, as it is now, without locking
     * or making it: for reading its window, not for deciding.
     */
    Optional<StoredConversation> peek(Channel channel, String identifier) {
        return customers.find(channel.accountId(), identifier).flatMap(customer -> jdbc.sql(CONVERSATION + OF_CUSTOMER)
                .param("channel", channel.id()).param("customer", customer.id())
                .query((row, number) -> new StoredConversation(row.getLong("id"), channel, customer,
                        key(channel, customer.handle()), state(row)))
                .optional());
    }

    /**
     * The states of the conversations of {@code channel} with the customers {@code identifiers} name (phone numbers'
     * digits or BSUIDs), as they are now, without locking: for estimating many sends at once. A customer with no
     * conversation is absent.
     */
    Map<String, ConversationState> peekAll(Channel channel, Collection<String> identifiers) {
        Map<String, ConversationState> states = new HashMap<>();
        List<String> all = List.copyOf(identifiers);
        for (int start = 0; start < all.size(); start += PEEK_BATCH) {
            List<String> batch = all.subList(start, Math.min(all.size(), start + PEEK_BATCH));
            jdbc.sql("select c.handle, c.user_id, c.parent_user_id, v.window_expires_at, v.pricing_state,"
                    + " s.type, s.status, s.opened_at, s.opened_by"
                    + " from conversations v join customers c on c.id = v.customer_id"
                    + " left join sessions s on s.id = v.current_session_id where v.channel_id = :channel"
                    + " and (c.handle in (:ids) or c.user_id in (:ids) or c.parent_user_id in (:ids))")
                    .param("channel", channel.id()).param("ids", batch)
                    .query(row -> {
                        ConversationState state = state(row);
                        for (String column : List.of("handle", "user_id", "parent_user_id")) {
                            Optional.ofNullable(row.getString(column)).ifPresent(id -> states.put(id, state));
                        }
                    });
        }
        return states;
    }

    /** The key of {@code channel} and the customer {@code handle} names: a phone number's digits, or a BSUID. */
    static ConversationKey key(Channel channel, String handle) {
        return CustomerIds.conversationKey(channel.number(), handle);
    }

    /**
     * The conversation's state in {@code row}: its window, and what the pricing model remembers, which is a Meta
     * model's state as written, else the current session (read with the conversation), if any.
     */
    private static ConversationState state(ResultSet row) throws SQLException {
        String metaState = row.getString("pricing_state");
        PricingState pricing = metaState != null ? MetaPricingStates.decode(metaState)
                : SessionRows.read(row).<PricingState>map(session -> session).orElse(NoSession.INSTANCE);
        return ConversationState.of(Instants.readOptional(row, "window_expires_at"), pricing);
    }

    /**
     * Writes the state a decision left over what {@code before} held; {@code at} is when the decision's event
     * happened, which ends a session it replaces.
     * The sessions it opens and ends are published as events, in the same transaction.
     */
    void save(StoredConversation before, ConversationState after, Instant at) {
        save(before, after, at, Optional.empty());
    }

    /**
     * Like {@link #save}, for a decision on a message exchanged at {@code at}: also notes it as the conversation's
     * latest message if none later is known, for listing conversations by their latest message.
     */
    void saveWithMessage(StoredConversation before, ConversationState after, Instant at) {
        save(before, after, at, Optional.of(at));
    }

    private void save(StoredConversation before, ConversationState after, Instant at, Optional<Instant> messageAt) {
        Optional<Session> previous = SessionModel.current(before.state().pricing());
        Optional<Session> next = SessionModel.current(after.pricing());
        events.sessionsChanged(before, after, at);
        Optional<Session> opened = Optional.empty();
        if (next.isPresent() && !next.equals(previous)) {
            Session session = next.get();
            if (previous.isPresent() && previous.get().openedBy().equals(session.openedBy())) {
                updateStatus(before.id(), session.openedBy(), session.status(), at);
            } else {
                previous.filter(old -> old.status() != SessionStatus.ENDED).ifPresent(old ->
                        updateStatus(before.id(), old.openedBy(), SessionStatus.ENDED, endOf(before.state(), at)));
                opened = next;
            }
        }
        String latestMessage = messageAt.isEmpty() ? "" : ", last_message_at = case when last_message_at is null"
                + " or last_message_at < :messageAt then :messageAt else last_message_at end";
        String update = "update conversations set window_expires_at = :expires, pricing_state = :pricing"
                + latestMessage;
        JdbcClient.StatementSpec statement;
        if (opened.isEmpty()) {
            statement = jdbc.sql(update + " where id = :id");
        } else if (dialect.statementsAreRoundTrips()) {
            // the session's row and the conversation's in one round trip
            statement = sessionParams(jdbc.sql("with opened as (" + INSERT_SESSION + " returning id) " + update
                    + ", current_session_id = (select id from opened) where id = :id"), before, opened.get());
        } else {
            long session = sessionParams(jdbc.sql(INSERT_SESSION + " returning id"), before, opened.get())
                    .query(Long.class).single();
            statement = jdbc.sql(update + ", current_session_id = :session where id = :id").param("session", session);
        }
        statement.param("expires", Instants.param(after.windowExpiresAt().orElse(null)))
                .param("pricing", MetaPricingStates.encode(after.pricing()).orElse(null)).param("id", before.id());
        messageAt.ifPresent(message -> statement.param("messageAt", Instants.param(message)));
        statement.update();
    }

    /** Keeps the name the customer's profile shows. */
    void nameCustomer(StoredConversation conversation, String name) {
        // most messages bring the name the customer already has, read with the customer: then nothing is written
        if (!conversation.customer().name().equals(Optional.of(name))) {
            jdbc.sql("update customers set name = :name where id = :id").param("name", name)
                    .param("id", conversation.customerId()).update();
        }
    }

    /** The parameters of {@link #INSERT_SESSION}: {@code session}, opened in {@code conversation}. */
    private static JdbcClient.StatementSpec sessionParams(JdbcClient.StatementSpec statement,
            StoredConversation conversation, Session session) {
        return statement.param("account", conversation.accountId()).param("channel", conversation.channel().id())
                .param("conversation", conversation.id()).param("type", session.type().name())
                .param("status", session.status().name()).param("opened", Instants.param(session.openedAt()))
                .param("by", session.openedBy())
                .param("ended", session.status() == SessionStatus.ENDED ? Instants.param(session.openedAt()) : null);
    }

    /** Sets the status of the conversation's session that {@code openedBy} opened. */
    private void updateStatus(long conversationId, String openedBy, SessionStatus status, Instant at) {
        jdbc.sql("update sessions set status = :status, ended_at = :ended where conversation_id = :conversation"
                + " and opened_by = :by")
                .param("status", status.name())
                .param("ended", status == SessionStatus.ENDED ? Instants.param(at) : null)
                .param("conversation", conversationId).param("by", openedBy).update();
    }

    /** When a session that {@code at} replaces ended: when its window closed, if that was earlier. */
    static Instant endOf(ConversationState state, Instant at) {
        return state.windowExpiresAt().filter(expiry -> expiry.isBefore(at)).orElse(at);
    }

    private record Locked(long id, Optional<ConversationState> state) {
    }
}
