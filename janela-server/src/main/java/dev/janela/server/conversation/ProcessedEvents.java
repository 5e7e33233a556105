package dev.janela.server.conversation;

import dev.janela.server.jdbc.Instants;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook events already applied. Meta delivers at least once, so the same message or status can come many
 * times, at once or days apart: each is applied the first time only (R12), in the transaction that applies it.
 */
@Repository
public class ProcessedEvents {
    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Marks {@code eventKey} as applied for the channel.
     *
     * @return whether this is its first time; false when it was applied already (or is being, by a transaction
     *     that then commits)
     */
    boolean firstTime(long accountId, long channelId, String eventKey) {
        return jdbc.sql("insert into processed_events (account_id, channel_id, event_key, processed_at)"
                + " values (:account, :channel, :key, :now) on conflict (channel_id, event_key) do nothing")
                .param("account", accountId).param("channel", channelId).param("key", eventKey)
                .param("now", Instants.param(clock.instant())).update() == 1;
    }

    /**
     * Forgets up to {@code batch} of the events applied before {@code before}, oldest first.
     *
     * @return how many were forgotten
     */
    public int forgetBefore(Instant before, int batch) {
        return jdbc.sql("delete from processed_events where (channel_id, event_key) in (select channel_id, event_key"
                + " from processed_events where processed_at < :before order by processed_at limit :batch)")
                .param("before", Instants.param(before)).param("batch", batch).update();
    }
}
