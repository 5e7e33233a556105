package dev.janela.server.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Meta's two sending limits, kept by this process. A number's throughput: no second (any second, not only whole
 * ones) holds more than so many of its messages, so the times of its last messages are kept. The pair limit: one
 * message to the same customer per interval on average, in bursts that borrow from the next intervals; this is a
 * generic cell rate algorithm, which remembers only when the pair's next message would be due at the steady rate,
 * so an idle pair costs nothing and is forgotten.
 */
final class Pacing {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final int FORGET_AFTER = 10_000;

    private final Duration pairInterval;
    private final int pairBurst;
    private final Map<Long, Deque<Instant>> channels = new HashMap<>();
    private final Map<Pair, Instant> pairs = new HashMap<>();

    private record Pair(long channelId, String waId) {
    }

    Pacing(Duration pairInterval, int pairBurst) {
        this.pairInterval = pairInterval;
        this.pairBurst = pairBurst;
    }

    /**
     * Takes a place for one message to {@code waId} on the channel at {@code now}, if both limits allow it.
     *
     * @param throughput the channel's messages a second
     * @return empty when the message may go now; else the earliest time it might, taking nothing
     */
    synchronized Optional<Instant> take(long channelId, int throughput, String waId, Instant now) {
        Deque<Instant> lastSecond = channels.computeIfAbsent(channelId, id -> new ArrayDeque<>());
        while (!lastSecond.isEmpty() && !lastSecond.peekFirst().plus(SECOND).isAfter(now)) {
            lastSecond.removeFirst();
        }
        Instant channelAllowed = lastSecond.size() < throughput ? now : lastSecond.stream()
                .skip(lastSecond.size() - (long) throughput).findFirst().orElseThrow().plus(SECOND);
        Pair pair = new Pair(channelId, waId);
        Instant pairDue = pairs.getOrDefault(pair, now);
        Instant pairAllowed = pairDue.minus(pairInterval.multipliedBy(pairBurst - 1L));
        Instant allowed = channelAllowed.isAfter(pairAllowed) ? channelAllowed : pairAllowed;
        if (allowed.isAfter(now)) {
            return Optional.of(allowed);
        }
        lastSecond.addLast(now);
        pairs.put(pair, later(pairDue, now).plus(pairInterval));
        if (pairs.size() > FORGET_AFTER) {
            pairs.values().removeIf(due -> !due.isAfter(now));
        }
        return Optional.empty();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
