package dev.janela.server.webhook;

import dev.janela.server.channel.Channel;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Instants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook items Janela can never store, kept whole (their JSON as Meta sent it, every character escaped so that any
 * column takes it) with the reason, so that the delivery can be answered 200 and its other items applied. An admin
 * reads them; nothing is applied from here. An item Meta delivers again is kept once.
 */
@Repository
public class Quarantine {
    private final JdbcClient jdbc;
    private final Clock clock;

    Quarantine(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An item in quarantine.
     *
     * @param phoneNumberId the channel the delivery named, as it named it; empty when it named none
     * @param kind {@code message}, {@code status}, {@code template} or {@code change}
     * @param item the item's JSON, as Meta sent it
     */
    public record Quarantined(long id, Optional<String> phoneNumberId, String kind, String reason, String item,
            Instant receivedAt) {
        /** Where a page that ends with this item ends, newest first. */
        public Cursor cursor() {
            return new Cursor(receivedAt, id);
        }
    }

    /**
     * Keeps {@code item}, in a transaction of its own, unless it is kept already.
     *
     * @param channel the account's channel it was for, if Janela has it
     * @param phoneNumberId the channel the delivery named, if any
     * @param itemJson the item as JSON text, with every character a column cannot take escaped
     * @return whether it was kept now; false if it was kept from an earlier delivery
     */
    boolean keep(Optional<Channel> channel, Optional<String> phoneNumberId, String kind, String reason,
            String itemJson) {
        String named = phoneNumberId.map(Quarantine::printable).orElse(null);
        return jdbc.sql("insert into quarantined_items (account_id, channel_id, phone_number_id, kind, reason, item,"
                + " digest, received_at)"
                + " values (:account, :channel, :phoneNumberId, :kind, :reason, :item, :digest, :now)"
                + " on conflict (digest) do nothing")
                .param("account", channel.map(Channel::accountId).orElse(null))
                .param("channel", channel.map(Channel::id).orElse(null))
                .param("phoneNumberId", named).param("kind", kind).param("reason", reason).param("item", itemJson)
                .param("digest", digest(named, kind, itemJson)).param("now", Instants.param(clock.instant()))
                .update() > 0;
    }

    /** A page of the account's items, newest first, after {@code after} if given. */
    public List<Quarantined> page(long accountId, Optional<Cursor> after, int limit) {
        return jdbc.sql("select id, phone_number_id, kind, reason, item, received_at from quarantined_items"
                + " where account_id = :account"
                + (after.isPresent() ? " and (received_at < :at or (received_at = :at and id < :id))" : "")
                + " order by received_at desc, id desc limit :limit")
                .param("account", accountId).param("limit", limit)
                .param("at", after.map(cursor -> Instants.param(cursor.at())).orElse(null))
                .param("id", after.map(Cursor::id).orElse(0L))
                .query(Quarantine::quarantined).list();
    }

    /** How many items, of every account and of none, are in quarantine. */
    public long count() {
        return jdbc.sql("select count(*) from quarantined_items").query(Long.class).single();
    }

    private static Quarantined quarantined(ResultSet row, int number) throws SQLException {
        return new Quarantined(row.getLong("id"), Optional.ofNullable(row.getString("phone_number_id")),
                row.getString("kind"), row.getString("reason"), row.getString("item"),
                Instants.read(row, "received_at"));
    }

    /** What tells one item from another: the channel it named, its kind and its JSON, each told apart by a NUL. */
    private static String digest(String phoneNumberId, String kind, String itemJson) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String whole = (phoneNumberId == null ? "" : phoneNumberId) + "\u0000" + kind + "\u0000" + itemJson;
            return HexFormat.of().formatHex(sha256.digest(whole.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code text} with any NUL written out, as no column keeps one. */
    private static String printable(String text) {
        return text.replace("\u0000", "\\u0000");
    }
}
