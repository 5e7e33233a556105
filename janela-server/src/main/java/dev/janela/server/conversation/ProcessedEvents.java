package dev.janela.server.conversation;

import dev.janela.server.channel.Channel;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.jdbc.TransactionCache;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook events already applied. Meta delivers at least once, so the same message or status can come many
 * times, at once or days apart: each is applied the first time only (R12), in the transaction that applies it.
 */
@Repository
public class ProcessedEvents {
    /** The most events one statement claims: four parameters each, well within every store's limit. */
    private static final int MOST_CLAIMED_AT_ONCE = 1_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A webhook event of a channel, under the key it is applied once by. */
    public record Event(long accountId, long channelId, String key) implements Comparable<Event> {
        /** A customer's message, or Meta's system message that the customer changed number. */
        public static Event message(Channel channel, String wamid) {
            return new Event(channel.accountId(), channel.id(), "message:" + wamid);
        }

        /** A delivery report: each of a message's states is its own event. */
        public static Event status(Channel channel, StatusReport report) {
            return new Event(channel.accountId(), channel.id(), "status:" + report.wamid() + ":"
                    + report.state().wireName());
        }

        /** By channel, then key: the order of the table's unique index. */
        @Override
        public int compareTo(Event other) {
            int byChannel = Long.compare(channelId, other.channelId);
            int byKey = byChannel != 0 ? byChannel : key.compareTo(other.key);
            return byKey != 0 ? byKey : Long.compare(accountId, other.accountId);
        }
    }

    /**
     * Marks {@code events}, which this transaction is about to apply, as applied, in one statement rather than one
     * each: {@link #firstTime} then answers for them from what this statement found, until the transaction ends. A
     * batch of webhook deliveries claims its events so; if the batch is rolled back, so are its claims.
     */
    public void claim(Collection<Event> events) {
        Claims claims = TransactionCache.get(Claims.class, Claims::new);
        // In one order in every transaction, so that two claiming the same events wait for each other, not deadlock.
        List<Event> sorted = new ArrayList<>(new TreeSet<>(events));
        Object now = Instants.param(clock.instant());
        for (int start = 0; start < sorted.size(); start += MOST_CLAIMED_AT_ONCE) {
            List<Event> some = sorted.subList(start, Math.min(sorted.size(), start + MOST_CLAIMED_AT_ONCE));
            List<Object> params = new ArrayList<>(some.size() * 4);
            some.forEach(event -> Collections.addAll(params, event.accountId(), event.channelId(), event.key(), now));
            String rows = String.join(", ", Collections.nCopies(some.size(), "(?, ?, ?, ?)"));
            Set<Event> inserted = new HashSet<>(jdbc.sql("insert into processed_events (account_id, channel_id,"
                    + " event_key, processed_at) values " + rows + " on conflict (channel_id, event_key) do nothing"
                    + " returning account_id, channel_id, event_key").params(params)
                    .query((row, number) -> new Event(row.getLong(1), row.getLong(2), row.getString(3))).list());
            some.forEach(event -> claims.found(event, inserted.contains(event)));
        }
    }

    /**
     * Marks {@code event} as applied.
     *
     * @return whether this is its first time; false when it was applied already (or is being, by a transaction
     *     that then commits, or was earlier in this one)
     */
    boolean firstTime(Event event) {
        Boolean claimed = TransactionCache.get(Claims.class, Claims::new).take(event);
        if (claimed != null) {
            return claimed;
        }
        return jdbc.sql("insert into processed_events (account_id, channel_id, event_key, processed_at)"
                + " values (:account, :channel, :key, :now) on conflict (channel_id, event_key) do nothing")
                .param("account", event.accountId()).param("channel", event.channelId()).param("key", event.key())
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

    /**
     * The events a transaction claimed, kept for it in its {@link TransactionCache}: whether each was new, until the
     * first that applies it takes that.
     */
    private static final class Claims {
        private final Map<Event, Boolean> unapplied = new HashMap<>();

        void found(Event event, boolean isNew) {
            unapplied.put(event, isNew);
        }

        /** Whether {@code event} is new to this transaction's work, or null if it was not claimed. */
        Boolean take(Event event) {
            Boolean isNew = unapplied.get(event);
            if (Boolean.TRUE.equals(isNew)) {
                unapplied.put(event, false);
            }
            return isNew;
        }
    }
}
