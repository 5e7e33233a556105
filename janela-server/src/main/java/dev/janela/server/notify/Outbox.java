package dev.janela.server.notify;

import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events to send, one row per event and subscription, each with its body as it is sent at every attempt and how
 * its delivery stands. Rows are added in the transaction of the change they tell of. Several processes may send
 * from one database: an event is claimed before it is sent, by moving its next attempt past the time the attempt
 * may take, so that only one process sends it, and an event whose sender died meanwhile falls due again.
 */
@Repository
class Outbox {
    private static final String COLUMNS = "id, subscription_id, event_id, event_type, state, attempts,"
            + " last_attempt_at, next_attempt_at, last_error, delivered_at, created_at from webhook_deliveries";

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transaction;

    Outbox(JdbcClient jdbc, Dialect dialect, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** An event due, with what sending it needs; its {@code toString()} leaves out the secret and the body. */
    record Due(long id, long subscriptionId, String url, String secret, String eventId, EventType type,
            String body, int attempts) {
        @Override
        public String toString() {
            return "Due[id=" + id + ", subscriptionId=" + subscriptionId + ", eventId=" + eventId + ", type="
                    + type.wireName() + ", attempts=" + attempts + "]";
        }
    }

    /**
     * An event's delivery to one subscription, as the delivery log shows it.
     *
     * @param nextAttemptAt when it is tried next; empty once delivered or failed
     * @param lastError why the last attempt failed: the receiver's status, or what went wrong
     */
    record Delivery(long id, long subscriptionId, String eventId, EventType type, DeliveryState state, int attempts,
            Optional<Instant> lastAttemptAt, Optional<Instant> nextAttemptAt, Optional<String> lastError,
            Optional<Instant> deliveredAt, Instant createdAt) {
    }

    /** Adds an event for a subscription, due at once. */
    void add(long accountId, long channelId, long subscriptionId, String eventId, EventType type, String body,
            Instant at) {
        jdbc.sql("insert into webhook_deliveries (account_id, channel_id, subscription_id, event_id, event_type,"
                + " body, state, attempts, next_attempt_at, created_at) values (:account, :channel, :subscription,"
                + " :eventId, :type, :body, :state, 0, :at, :at)")
                .param("account", accountId).param("channel", channelId).param("subscription", subscriptionId)
                .param("eventId", eventId).param("type", type.wireName()).param("body", body)
                .param("state", DeliveryState.PENDING.wireName()).param("at", Instants.param(at)).update();
    }

    /**
     * Claims the event due longest at {@code now}, for an active subscription but those {@code skipped}, for one
     * attempt: no other process sends it before {@code until}. Processes claiming at once each get another event: on
     * PostgreSQL each passes by the row another has locked, rather than waiting for it and finding it claimed.
     */
    Optional<Due> claimNext(Instant now, Instant until, Collection<Long> skipped) {
        return transaction.execute(status -> {
            JdbcClient.StatementSpec statement = jdbc.sql("select d.id, d.subscription_id, s.url, s.secret,"
                    + " d.event_id, d.event_type, d.body, d.attempts from webhook_deliveries d"
                    + " join webhook_subscriptions s on s.id = d.subscription_id"
                    + " where d.state = :pending and d.next_attempt_at <= :now and s.active = true"
                    + (skipped.isEmpty() ? "" : " and d.subscription_id not in (:skipped)")
                    + " order by d.next_attempt_at, d.id limit 1" + dialect.lockRowsOfSkippingLocked("d"))
                    .param("pending", DeliveryState.PENDING.wireName()).param("now", Instants.param(now));
            if (!skipped.isEmpty()) {
                statement = statement.param("skipped", List.copyOf(skipped));
            }
            Optional<Due> next = statement.query((row, number) -> new Due(row.getLong("id"),
                    row.getLong("subscription_id"), row.getString("url"), row.getString("secret"),
                    row.getString("event_id"), type(row), row.getString("body"), row.getInt("attempts"))).optional();
            next.ifPresent(due -> jdbc.sql("update webhook_deliveries set next_attempt_at = :until where id = :id")
                    .param("until", Instants.param(until)).param("id", due.id()).update());
            return next;
        });
    }

    /**
     * Deletes the delivered and failed events last attempted before {@code before}.
     *
     * @return how many were deleted
     */
    int forget(Instant before) {
        return jdbc.sql("delete from webhook_deliveries where state in (:done) and last_attempt_at < :before")
                .param("done", List.of(DeliveryState.DELIVERED.wireName(), DeliveryState.FAILED.wireName()))
                .param("before", Instants.param(before)).update();
    }

    void delivered(long id, int attempts, Instant at) {
        jdbc.sql("update webhook_deliveries set state = :state, attempts = :attempts, last_attempt_at = :at,"
                + " delivered_at = :at, next_attempt_at = null, last_error = null where id = :id")
                .param("state", DeliveryState.DELIVERED.wireName()).param("attempts", attempts)
                .param("at", Instants.param(at)).param("id", id).update();
    }

    /**
     * Records a failed attempt.
     *
     * @param next when to try again; empty to give up
     */
    void failed(long id, int attempts, Instant at, String error, Optional<Instant> next) {
        DeliveryState state = next.isPresent() ? DeliveryState.PENDING : DeliveryState.FAILED;
        jdbc.sql("update webhook_deliveries set state = :state, attempts = :attempts, last_attempt_at = :at,"
                + " last_error = :error, next_attempt_at = :next where id = :id")
                .param("state", state.wireName()).param("attempts", attempts).param("at", Instants.param(at))
                .param("error", error).param("next", Instants.param(next.orElse(null))).param("id", id).update();
    }

    /** The account's event {@code eventId}. */
    Optional<Delivery> find(long accountId, String eventId) {
        return jdbc.sql("select " + COLUMNS + " where account_id = :account and event_id = :eventId")
                .param("account", accountId).param("eventId", eventId).query(Outbox::delivery).optional();
    }

    /** A page of a subscription's events, newest first, after {@code after} if given. */
    List<Delivery> page(long subscriptionId, Optional<Cursor> after, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql("select " + COLUMNS + " where subscription_id = :subscription"
                + (after.isPresent() ? " and (created_at < :at or (created_at = :at and id < :id))" : "")
                + " order by created_at desc, id desc limit :limit")
                .param("subscription", subscriptionId).param("limit", limit);
        if (after.isPresent()) {
            statement = statement.param("at", Instants.param(after.get().at())).param("id", after.get().id());
        }
        return statement.query(Outbox::delivery).list();
    }

    /** Makes an event due again at {@code now}, with its attempts counted afresh. */
    void redeliver(long id, Instant now) {
        jdbc.sql("update webhook_deliveries set state = :pending, attempts = 0, next_attempt_at = :now where id = :id")
                .param("pending", DeliveryState.PENDING.wireName()).param("now", Instants.param(now)).param("id", id)
                .update();
    }

    /** Deletes a subscription's events, whatever their state. */
    void deleteOf(long subscriptionId) {
        jdbc.sql("delete from webhook_deliveries where subscription_id = :subscription")
                .param("subscription", subscriptionId).update();
    }

    private static Delivery delivery(ResultSet row, int number) throws SQLException {
        return new Delivery(row.getLong("id"), row.getLong("subscription_id"), row.getString("event_id"), type(row),
                DeliveryState.fromWireName(row.getString("state")), row.getInt("attempts"),
                Instants.readOptional(row, "last_attempt_at"), Instants.readOptional(row, "next_attempt_at"),
                Optional.ofNullable(row.getString("last_error")), Instants.readOptional(row, "delivered_at"),
                Instants.read(row, "created_at"));
    }

    private static EventType type(ResultSet row) throws SQLException {
        String name = row.getString("event_type");
        return EventType.fromWireName(name).orElseThrow(() ->
                new IllegalStateException("unknown event type in the database: " + name));
    }
}
