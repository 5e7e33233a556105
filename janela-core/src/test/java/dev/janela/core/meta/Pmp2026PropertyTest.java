package dev.janela.core.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.testfixtures.MetaLog;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded random logs priced by the replay under {@code pmp-2026} and by an oracle written from Meta's rules of
 * October 2026, which walks the whole log in time order with nothing of the models' code: two business numbers,
 * customers arriving from ads, failed messages, lines repeated and out of order, three calendar months of the
 * account's time zone, and allowances small enough that both sides of them are reached.
 */
class Pmp2026PropertyTest {
    private static final long SEED = 0x706d70323032L;
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final Instant START = Instant.parse("2026-10-22T00:00:00Z");
    private static final String[] CHANNELS = {MetaLog.CHANNEL, "+5511999990001"};
    private static final String[] KINDS = {"in", "in", "ad", "text", "text", "text", "failed", "utility",
        "authentication", "marketing"};
    private static final Duration DAY = Duration.ofHours(24);

    private record Step(String id, Instant at, String channel, String customer, String kind) {
        String conversation() {
            return channel + customer;
        }
    }

    @Test
    void theReplayCharges_whatTheRulesSay() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int round = 0; round < 60; round++) {
            long free = random.nextInt(5);
            List<Step> steps = traffic(random);

            MetaLog.Replayed replayed = shuffledWithRepeats(steps, random).replay(MetaLog.plan(new MetaSettings(free),
                    ZONE, MetaLog.period(Instant.MIN, Pmp2026Model.NAME, VolumeTiers.none())));

            List<String> charged = replayed.ledger().stream()
                    .map(charge -> charge.eventId() + " " + charge.category().wireName()).sorted().toList();
            Oracle oracle = new Oracle(free);
            steps.forEach(oracle::see);
            assertThat(charged).as("round %d, %d free", round, free).isEqualTo(oracle.charged.stream().sorted()
                    .toList());
            assertThat(replayed.free()).as("round %d", round).isEqualTo(oracle.free);
            assertThat(replayed.result().rejected()).as("round %d", round).isEqualTo(oracle.refused);
            assertThat(replayed.result().notDelivered()).as("round %d", round).isEqualTo(oracle.failed);
        }
    }

    /** Events at distinct times from 22 October to about 10 December, each in one of six conversations. */
    private static List<Step> traffic(SplittableRandom random) {
        List<Step> steps = new ArrayList<>();
        Instant at = START;
        for (int event = 0; event < 200 + random.nextInt(200); event++) {
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(360)));
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String customer = MetaEdgeCasesTest.customerNumber(random.nextInt(3));
            steps.add(new Step("e" + event, at, channel, customer, KINDS[random.nextInt(KINDS.length)]));
        }
        return steps;
    }

    /** The log in a random order, a tenth of its lines twice. */
    private static MetaLog shuffledWithRepeats(List<Step> steps, SplittableRandom random) {
        List<Step> lines = new ArrayList<>(steps);
        for (Step step : steps) {
            if (random.nextInt(10) == 0) {
                lines.add(step);
            }
        }
        Collections.shuffle(lines, new Random(random.nextLong()));
        MetaLog log = new MetaLog(START);
        for (Step step : lines) {
            log.line(step.id, step.at, step.channel, step.customer, switch (step.kind) {
                case "in" -> "\"direction\":\"in\",\"type\":\"text\"";
                case "ad" -> "\"direction\":\"in\",\"type\":\"text\",\"referral\":true";
                case "text" -> "\"direction\":\"out\",\"type\":\"text\"";
                case "failed" -> "\"direction\":\"out\",\"type\":\"text\",\"status\":\"failed\"";
                default -> "\"direction\":\"out\",\"type\":\"template\",\"category\":\"" + step.kind + "\"";
            });
        }
        return log;
    }

    /**
     * Meta's rules from 1 October 2026, applied to each event in time order. A free-form message is refused unless a
     * customer message came in the 24 hours before it; a failed message costs nothing and uses nothing. A business
     * message in the 72 hours after the free entry point's answer is free; the first delivered answer within 24
     * hours of the customer's arrival from an ad is that answer. Otherwise a free-form message is a service message,
     * free while its business number has sent fewer than the month's allowance of them (the month of the account's
     * time zone), and a template is charged by its category.
     */
    private static final class Oracle {
        private final long allowance;
        private final Map<String, List<Instant>> customerMessages = new HashMap<>();
        private final Map<String, Instant> arrivals = new HashMap<>();
        private final Map<String, Instant> freeUntil = new HashMap<>();
        private final Map<String, Long> serviceSent = new HashMap<>();
        final List<String> charged = new ArrayList<>();
        final Map<String, Long> free = new TreeMap<>();
        long refused;
        long failed;

        Oracle(long allowance) {
            this.allowance = allowance;
        }

        void see(Step step) {
            String conversation = step.conversation();
            List<Instant> written = customerMessages.computeIfAbsent(conversation, none -> new ArrayList<>());
            if (step.kind.equals("in") || step.kind.equals("ad")) {
                written.add(step.at);
                if (step.kind.equals("ad")) {
                    arrivals.put(conversation, step.at);
                }
                return;
            }
            boolean windowOpen = written.stream().anyMatch(in -> step.at.isBefore(in.plus(DAY)));
            boolean freeForm = step.kind.equals("text") || step.kind.equals("failed");
            if (freeForm && !windowOpen) {
                refused++;
                return;
            }
            if (step.kind.equals("failed")) {
                failed++;
                return;
            }
            Instant until = freeUntil.get(conversation);
            if (until != null && step.at.isBefore(until)) {
                free.merge("referral_conversion", 1L, Long::sum);
                return;
            }
            Instant arrival = arrivals.remove(conversation);
            if (arrival != null && step.at.isBefore(arrival.plus(DAY))) {
                freeUntil.put(conversation, step.at.plus(Duration.ofHours(72)));
                free.merge("referral_conversion", 1L, Long::sum);
                return;
            }
            if (step.kind.equals("text")) {
                long sent = serviceSent.merge(step.channel + " " + YearMonth.from(step.at.atZone(ZONE)), 1L,
                        Long::sum);
                if (sent <= allowance) {
                    free.merge("service", 1L, Long::sum);
                    return;
                }
                charged.add(step.id + " service");
                return;
            }
            charged.add(step.id + " " + step.kind);
        }
    }
}
