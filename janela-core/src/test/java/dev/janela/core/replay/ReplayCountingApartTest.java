package dev.janela.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.meta.Cbp2022Model;
import dev.janela.core.meta.Cbp2023Model;
import dev.janela.core.meta.MetaSettings;
import dev.janela.core.meta.Pmp2025Model;
import dev.janela.core.meta.Pmp2026Model;
import dev.janela.core.plan.PricingPlan;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.ratecard.VolumeTiersParser;
import dev.janela.core.testfixtures.MetaLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Meta's models count units per account, so a replay for totals alone assesses conversations on several threads and
 * numbers their counted units afterwards, a window of events at a time. Seeded random logs of many conversations, with
 * allowances and volume tiers small enough to be crossed, must give the same result that way as in the one
 * time-ordered pass a ledger is written in (which the models' own property tests check against oracles).
 */
class ReplayCountingApartTest {
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final Instant START = Instant.parse("2026-09-20T00:00:00Z");
    private static final List<String> CHANNELS = List.of(MetaLog.CHANNEL, "+5511999990001", "+12125550123");
    private static final String[] CATEGORIES = {"marketing", "utility", "authentication"};
    private static final VolumeTiers TIERS = VolumeTiersParser.parse("tiers.csv", """
            market,category,from,to,price
            *,utility,4,9,0.0050
            *,utility,10,,0.0030
            *,authentication,3,,0.0100
            """);

    @RepeatedTest(40)
    void totalsOnSeveralThreads_areThoseOfOneTimeOrderedPass(RepetitionInfo repetition) {
        long seed = 0xC0_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        PricingPlan plan = plan(random);
        byte[] log = traffic(random).text().getBytes(StandardCharsets.UTF_8);
        ConversationEngine engine = new ConversationEngine(plan, Duration.ofHours(24));

        ReplayResult inOnePass = new Replay(new ReplaySettings(engine, false, 1 + random.nextInt(3)), 64)
                .run(EventSource.of("meta.jsonl", log), charge -> { }, ReplayListener.NONE);
        int countingWindow = 1 + random.nextInt(400);
        ReplayResult apart = new Replay(new ReplaySettings(engine, false, 2 + random.nextInt(3)), 64, countingWindow)
                .run(EventSource.of("meta.jsonl", log), ReplayListener.NONE);

        assertThat(inOnePass.conversations()).as("seed %d", seed).isGreaterThan(32);
        assertThat(apart).as("seed %d, %s, windows of %d", seed, plan.name(), countingWindow).isEqualTo(inOnePass);
    }

    /** One of Meta's models, or all of them in turn, with few enough free units that the counts pass them. */
    private static PricingPlan plan(SplittableRandom random) {
        MetaSettings settings = new MetaSettings(random.nextInt(6));
        return switch (random.nextInt(5)) {
            case 0 -> MetaLog.plan(settings, ZONE, MetaLog.period(Instant.MIN, Pmp2026Model.NAME, TIERS));
            case 1 -> MetaLog.plan(settings, ZONE, MetaLog.period(Instant.MIN, Pmp2025Model.NAME, TIERS));
            case 2 -> MetaLog.plan(settings, ZONE, MetaLog.period(Instant.MIN, Cbp2023Model.NAME, TIERS));
            case 3 -> MetaLog.plan(settings, ZONE, MetaLog.period(Instant.MIN, Cbp2022Model.NAME, TIERS));
            default -> MetaLog.plan(settings, ZONE, MetaLog.period(Instant.MIN, Cbp2023Model.NAME, TIERS),
                    MetaLog.period(START.plus(Duration.ofDays(5)), Pmp2025Model.NAME, TIERS),
                    MetaLog.period(Instant.parse("2026-10-01T03:00:00Z"), Pmp2026Model.NAME, TIERS));
        };
    }

    /** Up to 3,000 events of 40 to 100 customers over a month's end, some out of time order. */
    private static MetaLog traffic(SplittableRandom random) {
        MetaLog log = new MetaLog(START);
        int customers = 40 + random.nextInt(60);
        Instant at = START;
        int events = 300 + random.nextInt(2_700);
        for (int event = 0; event < events; event++) {
            at = at.plusSeconds(1 + random.nextInt(3_000));
            Instant when = random.nextInt(20) == 0 ? at.minusSeconds(random.nextInt(100_000)) : at;
            String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            String customer = "+55219" + (10_000_000 + random.nextInt(customers));
            String id = "wamid." + event;
            switch (random.nextInt(8)) {
                case 0, 1 -> log.in(id, when, channel, customer);
                case 2 -> log.line(id, when, channel, customer,
                        "\"direction\":\"in\",\"type\":\"text\",\"referral\":true");
                case 3, 4 -> log.text(id, when, channel, customer);
                case 5 -> log.line(id, when, channel, customer,
                        "\"direction\":\"out\",\"type\":\"text\",\"status\":\"failed\"");
                default -> log.line(id, when, channel, customer, "\"direction\":\"out\",\"type\":\"template\","
                        + "\"category\":\"" + CATEGORIES[random.nextInt(CATEGORIES.length)] + "\"");
            }
        }
        return log;
    }
}
