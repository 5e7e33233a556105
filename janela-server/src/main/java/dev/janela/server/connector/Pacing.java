package dev.janela.server.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Meta's two sending limits, kept by this process.
 * <ul>
 * <li>A number's throughput: no second (any second, not only whole ones) holds more than so many of its messages,
 *     so the times of its last messages are kept. Within that, the messages are spread over the second, a tenth of
 *     it at most at once: a whole second's burst, slowed by the network on its way, would reach Meta partly in the
 *     next second, on top of that second's own. The second is counted as a little longer (the margin): requests do
 *     not all take the same time to reach Meta, and sent exactly at the throughput, one slowed on its way reaches
 *     Meta in the same second as the next second's first. (Sent one every 100 ms, on a busy machine, they reached a
 *     stand-in for Meta up to 12 in a second.)</li>
 * <li>The pair limit: one message to the same customer per interval on average, in bursts that borrow from the next
 *     intervals.</li>
 * </ul>
 * Spreading and the pair limit are each a generic cell rate algorithm, which remembers only when the next message
 * would be due at the steady rate, so an idle pair costs nothing and is forgotten.
 */
final class Pacing {
    private static final int SPREAD = 10;
    private static final int FORGET_AFTER = 10_000;

    private final Duration pairInterval;
    private final int pairBurst;
    /** The second as the throughput counts it: a second and the margin. */
    private final Duration second;
    private final Map<Long, Deque<Instant>> lastSecond = new HashMap<>();
    private final Map<Long, Instant> channelDue = new HashMap<>();
    private final Map<Pair, Instant> pairDue = new HashMap<>();
    /** Each channel's throughput when it last took a place. */
    private final Map<Long, Integer> throughputs = new HashMap<>();

    private record Pair(long channelId, String customer) {
    }

    Pacing(Duration pairInterval, int pairBurst, Duration throughputMargin) {
        this.pairInterval = pairInterval;
        this.pairBurst = pairBurst;
        this.second = Duration.ofSeconds(1).plus(throughputMargin);
    }

    /**
     * Takes a place for one message to {@code customer} on the channel at {@code now}, if both limits allow it.
     *
     * @param throughput the channel's messages a second
     * @return empty when the message may go now; else, taking nothing, when to try again: the earliest time it
     *     might go, or, when only the spreading holds it, the time all the spreading allows at once may go
     */
    synchronized Optional<Instant> take(long channelId, int throughput, String customer, Instant now) {
        throughputs.put(channelId, throughput);
        Deque<Instant> sent = recent(channelId, now);
        Instant windowAllowed = windowAllowed(sent, throughput, 1);
        Duration channelInterval = second.dividedBy(throughput);
        Instant channelNext = channelDue.getOrDefault(channelId, now);
        Pair pair = new Pair(channelId, customer);
        Instant pairNext = pairDue.getOrDefault(pair, now);
        Instant spreadAllowed = earliest(channelNext, channelInterval, spread(throughput));
        Instant allowed = latest(windowAllowed, spreadAllowed, earliest(pairNext, pairInterval, pairBurst));
        if (allowed.isAfter(now)) {
            boolean channelHolds = windowAllowed.isAfter(now) || spreadAllowed.isAfter(now);
            return Optional.of(channelHolds ? latest(allowed, reopens(sent, throughput, channelNext, now), now)
                    : allowed);
        }
        sent.addLast(now);
        channelDue.put(channelId, latest(channelNext, now, now).plus(channelInterval));
        pairDue.put(pair, latest(pairNext, now, now).plus(pairInterval));
        if (pairDue.size() > FORGET_AFTER) {
            pairDue.values().removeIf(due -> !due.isAfter(now));
        }
        return Optional.empty();
    }

    /**
     * When the channel's throughput and the spreading let its messages go again, to whichever customer, as
     * {@link #take} answers for a message they hold; empty when they let one go now. Takes nothing.
     */
    synchronized Optional<Instant> channelOpensAt(long channelId, int throughput, Instant now) {
        Deque<Instant> sent = recent(channelId, now);
        Instant channelNext = channelDue.getOrDefault(channelId, now);
        Instant spreadAllowed = earliest(channelNext, second.dividedBy(throughput), spread(throughput));
        if (!windowAllowed(sent, throughput, 1).isAfter(now) && !spreadAllowed.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(reopens(sent, throughput, channelNext, now));
    }

    /**
     * The channels whose throughput or spreading holds their messages at {@code now}, each with when it lets them go
     * again ({@link #channelOpensAt}): a pass over the queue passes their sends by.
     */
    synchronized Map<Long, Instant> closed(Instant now) {
        Map<Long, Instant> closed = new HashMap<>();
        throughputs.forEach((channelId, throughput) -> channelOpensAt(channelId, throughput, now)
                .ifPresent(opens -> closed.put(channelId, opens)));
        return closed;
    }

    /**
     * When a channel that holds its messages now lets a tenth of a second's worth go together: the spreading's full
     * allowance, and as many places in the second's count. Come back then, not for each place as it frees: at the
     * throughput, one frees every few milliseconds, each for a pass over the queue that sends one message.
     */
    private Instant reopens(Deque<Instant> sent, int throughput, Instant channelNext, Instant now) {
        return latest(windowAllowed(sent, throughput, spread(throughput)), channelNext, now);
    }

    /** The channel's messages still counted in the second that ends at {@code now}. */
    private Deque<Instant> recent(long channelId, Instant now) {
        Deque<Instant> sent = lastSecond.computeIfAbsent(channelId, id -> new ArrayDeque<>());
        while (!sent.isEmpty() && !sent.peekFirst().plus(second).isAfter(now)) {
            sent.removeFirst();
        }
        return sent;
    }

    /** When the second's count has room for {@code places} more of the messages of a channel that sent {@code sent}. */
    private Instant windowAllowed(Deque<Instant> sent, int throughput, int places) {
        int over = sent.size() - (throughput - places);
        if (over <= 0) {
            return Instant.MIN;
        }
        return sent.stream().skip(over - 1L).findFirst().orElseThrow().plus(second);
    }

    /** How many of a channel's messages the spreading lets go at once: a tenth of a second's worth. */
    private static int spread(int throughput) {
        return Math.max(1, throughput / SPREAD);
    }

    /**
     * Counts the messages whose places were taken at {@code taken} as sent at {@code left}, when they left later
     * (their claim waited for the database): the throughput holds for the times messages leave, so that a late pass's
     * messages and the next pass's do not reach Meta in one second. Places are taken in time order, so a pass's are
     * the newest. The spreading and the pair limit stay as they were: moved by each pass's delay, the spreading
     * slowed the sending by as much, where the second's count alone keeps the throughput.
     */
    synchronized void left(Instant taken, Instant left) {
        if (!left.isAfter(taken)) {
            return;
        }
        for (Deque<Instant> sent : lastSecond.values()) {
            int moved = 0;
            while (!sent.isEmpty() && sent.peekLast().equals(taken)) {
                sent.removeLast();
                moved++;
            }
            for (int i = 0; i < moved; i++) {
                sent.addLast(left);
            }
        }
    }

    /** When a limit whose next message is due at {@code next} lets one go, allowing {@code burst} at once. */
    private static Instant earliest(Instant next, Duration interval, int burst) {
        return next.minus(interval.multipliedBy(burst - 1L));
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant later = a.isAfter(b) ? a : b;
        return later.isAfter(c) ? later : c;
    }
}
