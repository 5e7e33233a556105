package dev.janela.server.notify;

import dev.janela.server.jdbc.Instants;
import dev.janela.server.jdbc.TransactionCache;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each account's webhook subscriptions. A subscription's secret is read only to sign what is sent: nothing here
 * that lists or finds subscriptions returns it.
 */
@Repository
class Subscriptions {
    /** What every secret Janela makes for a receiver starts with, so that a leaked one is easy to recognise. */
    private static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final String COLUMNS = "id, account_id, url, event_types, active, created_at, created_by"
            + " from webhook_subscriptions";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Subscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A subscription as the API shows it: never its secret.
     *
     * @param events the types it wants, in {@link EventType}'s order
     * @param active whether events are written for it and sent to it
     */
    record Subscription(long id, long accountId, String url, List<EventType> events, boolean active,
            Instant createdAt, String createdBy) {
        List<String> eventNames() {
            return events.stream().map(EventType::wireName).toList();
        }
    }

    /** A new random secret, not yet stored. */
    String generateSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Subscription add(long accountId, String url, List<EventType> events, String secret, String createdBy) {
        Instant now = clock.instant();
        long id = jdbc.sql("insert into webhook_subscriptions (account_id, url, event_types, secret, active,"
                + " created_at, created_by) values (:account, :url, :events, :secret, true, :now, :by) returning id")
                .param("account", accountId).param("url", url).param("events", join(events))
                .param("secret", secret).param("now", Instants.param(now)).param("by", createdBy)
                .query(Long.class).single();
        return find(accountId, id).orElseThrow();
    }

    /** The account's subscription {@code id}. */
    Optional<Subscription> find(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).query(Subscriptions::subscription).optional();
    }

    /** The account's subscriptions, oldest first. */
    List<Subscription> list(long accountId) {
        return jdbc.sql("select " + COLUMNS + " where account_id = :account order by id")
                .param("account", accountId).query(Subscriptions::subscription).list();
    }

    /**
     * The ids of the account's active subscriptions that want events of {@code type}. The subscriptions are read
     * once per transaction: a decision publishes several events (a message, a session, a charge), and a batch of
     * webhook deliveries makes many decisions.
     */
    List<Long> wanting(long accountId, EventType type) {
        return active(accountId).stream().filter(subscription -> subscription.events().contains(type))
                .map(Subscription::id).toList();
    }

    private List<Subscription> active(long accountId) {
        return TransactionCache.get(new ActiveOf(accountId), () -> read(accountId));
    }

    /** The key the active subscriptions of an account are kept under for a transaction. */
    private record ActiveOf(long accountId) {
    }

    private List<Subscription> read(long accountId) {
        return jdbc.sql("select " + COLUMNS + " where account_id = :account and active = true order by id")
                .param("account", accountId).query(Subscriptions::subscription).list();
    }

    void update(long id, String url, List<EventType> events, boolean active) {
        jdbc.sql("update webhook_subscriptions set url = :url, event_types = :events, active = :active where id = :id")
                .param("url", url).param("events", join(events)).param("active", active).param("id", id).update();
    }

    /** Deletes a subscription; its events must be deleted first. */
    void delete(long id) {
        jdbc.sql("delete from webhook_subscriptions where id = :id").param("id", id).update();
    }

    private static String join(List<EventType> events) {
        return events.stream().map(EventType::wireName).collect(Collectors.joining(","));
    }

    private static Subscription subscription(ResultSet row, int number) throws SQLException {
        List<EventType> events = Arrays.stream(row.getString("event_types").split(","))
                .map(name -> EventType.fromWireName(name).orElseThrow(() ->
                        new IllegalStateException("unknown event type in the database: " + name)))
                .sorted().toList();
        return new Subscription(row.getLong("id"), row.getLong("account_id"), row.getString("url"), events,
                row.getBoolean("active"), Instants.read(row, "created_at"), row.getString("created_by"));
    }
}
