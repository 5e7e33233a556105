package dev.janela.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Seeded random traffic through {@link Pacing}, checked against an oracle that counts the other way: the messages
 * of the channel's last second (widened by the margin), and the channel's spreading and each customer's pair limit as
 * buckets of credit that fill with time.
 */
class PacingPropertyTest {
    private static final Duration PAIR_INTERVAL = Duration.ofSeconds(6);
    private static final long INTERVAL_NANOS = PAIR_INTERVAL.toNanos();
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @RepeatedTest(40)
    void pacing_letsAMessageGo_exactlyWhenBothLimitsHaveRoom(RepetitionInfo repetition) {
        long seed = 0x9ac1_0000L + repetition.getCurrentRepetition();
        Random random = new Random(seed);
        int burst = 1 + random.nextInt(5);
        int throughput = 1 + random.nextInt(random.nextBoolean() ? 8 : 40);
        Duration margin = Duration.ofMillis(random.nextBoolean() ? 0 : random.nextInt(300));
        Pacing pacing = new Pacing(PAIR_INTERVAL, burst, margin);
        Oracle oracle = new Oracle(burst, throughput, margin);
        Instant now = START;
        Map<String, Instant> promised = new HashMap<>();
        for (int attempt = 0; attempt < 2_000; attempt++) {
            now = now.plusMillis(random.nextInt(4) == 0 ? 0 : random.nextInt(1_500));
            String customer = "55219876500" + random.nextInt(4);
            Instant at = random.nextInt(3) == 0 && promised.containsKey(customer) && promised.get(customer).isAfter(now)
                    ? promised.get(customer) : now;
            now = at;
            Optional<Instant> opens = pacing.channelOpensAt(1, throughput, at);
            assertThat(opens.isEmpty()).as("seed %d, attempt %d: the channel has room at %s", seed, attempt, at)
                    .isEqualTo(oracle.channelHasRoom(at));
            opens.ifPresent(later -> assertThat(later).as("seed %d: the channel opens in the future", seed)
                    .isAfter(at));
            Optional<Instant> wait = pacing.take(1, throughput, customer, at);

            boolean expected = oracle.allows(customer, at);
            assertThat(wait.isEmpty()).as("seed %d, attempt %d at %s", seed, attempt, at).isEqualTo(expected);
            wait.ifPresent(later -> assertThat(later).as("seed %d: a wait is in the future", seed).isAfter(at));
            wait.ifPresentOrElse(later -> promised.put(customer, later), () -> promised.remove(customer));
        }
    }

    @Test
    void messagesThatLeftLate_countFromWhenTheyLeft() {
        Pacing late = new Pacing(PAIR_INTERVAL, 1, Duration.ZERO);
        Pacing onTime = new Pacing(PAIR_INTERVAL, 1, Duration.ZERO);
        Instant left = START.plusMillis(300);
        assertThat(late.take(1, 1, "5521987650001", START)).isEmpty();
        assertThat(onTime.take(1, 1, "5521987650001", START)).isEmpty();

        late.left(START, left);

        Instant aSecondLater = START.plusSeconds(1);
        assertThat(onTime.take(1, 1, "5521987650002", aSecondLater)).isEmpty();
        assertThat(late.take(1, 1, "5521987650002", aSecondLater)).as("a second after it left")
                .contains(left.plusSeconds(1));
        assertThat(late.take(1, 1, "5521987650002", left.plusSeconds(1))).isEmpty();
    }

    /** The channel's sends of the last second, and credit, in nanoseconds, for spreading and for each customer. */
    private static final class Oracle {
        private final int throughput;
        private final Duration second;
        private final Deque<Instant> channelSends = new ArrayDeque<>();
        private final Bucket spread;
        private final int burst;
        private final Map<String, Bucket> pairs = new HashMap<>();

        /** @param margin how much longer than a second the throughput's second is counted */
        Oracle(int burst, int throughput, Duration margin) {
            this.burst = burst;
            this.throughput = throughput;
            this.second = Duration.ofSeconds(1).plus(margin);
            this.spread = new Bucket(Math.max(1, throughput / 10), second.toNanos() / throughput);
        }

        /** Whether the channel's throughput and its spreading let one more message go at {@code at}. */
        boolean channelHasRoom(Instant at) {
            return channelSends.stream().filter(sent -> sent.isAfter(at.minus(second))).count() < throughput
                    && spread.fill(at);
        }

        boolean allows(String customer, Instant at) {
            long inLastSecond = channelSends.stream().filter(sent -> sent.isAfter(at.minus(second))).count();
            Bucket pair = pairs.computeIfAbsent(customer, each -> new Bucket(burst, INTERVAL_NANOS));
            boolean spreadHasRoom = spread.fill(at);
            boolean pairHasRoom = pair.fill(at);
            if (inLastSecond >= throughput || !spreadHasRoom || !pairHasRoom) {
                return false;
            }
            channelSends.addLast(at);
            spread.spend();
            pair.spend();
            return true;
        }
    }

    /** Credit that fills by a nanosecond a nanosecond, up to {@code size} messages' worth. */
    private static final class Bucket {
        private final long full;
        private final long price;
        private long credit;
        private Instant filledAt;

        Bucket(int size, long price) {
            this.full = size * price;
            this.price = price;
            this.credit = full;
        }

        /** Fills the bucket up to {@code at}; whether it holds the price of a message. */
        boolean fill(Instant at) {
            if (filledAt != null) {
                credit = Math.min(full, credit + Duration.between(filledAt, at).toNanos());
            }
            filledAt = at;
            return credit >= price;
        }

        void spend() {
            credit -= price;
        }
    }
}
