package dev.janela.server.channel;

import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The channels of every account. A channel found by its {@code phone_number_id}, as every send and every batch of
 * webhooks finds one, is kept for a second: a channel never changes but for its throughput, which this node's
 * change replaces at once and another node's within that second (the pacing itself reads it afresh).
 */
@Repository
public class Channels {
    private static final String COLUMNS =
            "id, account_id, phone_number_id, number, country, created_at, created_by, throughput";
    private static final Duration KEPT_FOR = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Channels found lately, by phone_number_id; one not found is not kept, so a new channel is found at once. */
    private final Map<String, Found> found = new ConcurrentHashMap<>();

    /** A channel as it was read at {@code readAt}. */
    private record Found(Channel channel, Instant readAt) {
        boolean freshAt(Instant now) {
            return !now.isBefore(readAt) && now.isBefore(readAt.plus(KEPT_FOR));
        }
    }

    Channels(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds a channel; the caller has checked that its {@code phone_number_id} is free. */
    public Channel add(long accountId, String phoneNumberId, String number, String country, String createdBy) {
        Instant now = clock.instant();
        long id = jdbc.sql("insert into channels (account_id, phone_number_id, number, country, created_at, created_by)"
                + " values (:account, :phoneNumberId, :number, :country, :now, :by) returning id")
                .param("account", accountId).param("phoneNumberId", phoneNumberId).param("number", number)
                .param("country", country).param("now", Instants.param(now)).param("by", createdBy)
                .query(Long.class).single();
        return new Channel(id, accountId, phoneNumberId, number, country, now, createdBy,
                Channel.DEFAULT_THROUGHPUT);
    }

    /** The channel with Meta's {@code phoneNumberId}, whichever account owns it (webhooks say no more). */
    public Optional<Channel> findByPhoneNumberId(String phoneNumberId) {
        Instant now = clock.instant();
        Found kept = found.get(phoneNumberId);
        if (kept != null && kept.freshAt(now)) {
            return Optional.of(kept.channel());
        }
        Optional<Channel> channel = jdbc.sql("select " + COLUMNS + " from channels where phone_number_id = :id")
                .param("id", phoneNumberId).query(Channels::channel).optional();
        channel.ifPresentOrElse(read -> found.put(phoneNumberId, new Found(read, now)),
                () -> found.remove(phoneNumberId));
        return channel;
    }

    /** The channel with Janela's {@code id}. */
    public Optional<Channel> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from channels where id = :id").param("id", id)
                .query(Channels::channel).optional();
    }

    /** The account's channel with Meta's {@code phoneNumberId}; another account's is not found. */
    public Optional<Channel> find(long accountId, String phoneNumberId) {
        return findByPhoneNumberId(phoneNumberId).filter(channel -> channel.accountId() == accountId);
    }

    public List<Channel> list(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from channels where account_id = :account order by id")
                .param("account", accountId).query(Channels::channel).list();
    }

    /** Sets how many messages a second the channel may send. */
    public void setThroughput(long id, int throughput) {
        jdbc.sql("update channels set throughput = :throughput where id = :id").param("throughput", throughput)
                .param("id", id).update();
        found.values().removeIf(kept -> kept.channel().id() == id);
    }

    private static Channel channel(ResultSet row, int number) throws SQLException {
        return new Channel(row.getLong("id"), row.getLong("account_id"), row.getString("phone_number_id"),
                row.getString("number"), row.getString("country"), Instants.read(row, "created_at"),
                row.getString("created_by"), row.getInt("throughput"));
    }
}
