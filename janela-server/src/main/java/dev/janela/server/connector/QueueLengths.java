package dev.janela.server.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * How many sends wait on each channel, for refusing a send that would wait too long: counted from the queue at most
 * once a second, plus what this node queued since. Counting the channel's whole queue for every send cost more than
 * the rest of the send once the queue was long; the sends that left since the count, and those other nodes queued,
 * are seen at the next one, which a limit of minutes cannot tell from exact.
 */
final class QueueLengths {
    private static final Duration RECOUNT_AFTER = Duration.ofSeconds(1);

    /** A channel's count, when it was taken, and what this node queued on it since. */
    private record Length(long counted, Instant countedAt, AtomicLong addedSince) {
    }

    private final Map<Long, Length> lengths = new ConcurrentHashMap<>();
    private final LongUnaryOperator count;
    private final Clock clock;

    /** @param count how many sends wait on a channel now, by its id */
    QueueLengths(LongUnaryOperator count, Clock clock) {
        this.count = count;
        this.clock = clock;
    }

    /** How many sends wait on the channel, counted again if the last count is a second old. */
    long onChannel(long channelId) {
        Instant now = clock.instant();
        Length known = lengths.get(channelId);
        if (known == null || !now.isBefore(known.countedAt().plus(RECOUNT_AFTER)) || now.isBefore(known.countedAt())) {
            known = new Length(count.applyAsLong(channelId), now, new AtomicLong());
            lengths.put(channelId, known);
        }
        return known.counted() + known.addedSince().get();
    }

    /** Notes a send queued on the channel by this node. */
    void added(long channelId) {
        Length known = lengths.get(channelId);
        if (known != null) {
            known.addedSince().incrementAndGet();
        }
    }
}
