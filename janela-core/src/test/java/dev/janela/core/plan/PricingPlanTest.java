package dev.janela.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.market.MarketBasis;
import dev.janela.core.market.MarketResolver;
import dev.janela.core.market.Markets;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.session.SessionModel;
import dev.janela.core.testfixtures.TestRates;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

class PricingPlanTest {
    private static final List<String> ZONES = List.of("UTC", "America/Sao_Paulo", "Europe/London",
            "Australia/Lord_Howe", "Pacific/Apia", "America/Havana", "Asia/Kolkata");
    private static final Instant START = Instant.parse("2010-12-31T00:00:00Z");

    @RepeatedTest(200)
    void monthOf_isTheMonthOfTheInstantInTheZone_inAnyOrderOfQuestions(RepetitionInfo repetition) {
        long seed = 0x3017_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        PricingPlan plan = PricingPlan.of(List.of(new PricingPlan.Period(Instant.MIN,
                new SessionModel(Duration.ofHours(24)), TestRates.priceBook(), VolumeTiers.none(),
                new MarketResolver(Markets.none(), MarketBasis.BUSINESS, Map.of()))), zone);
        Instant at = START.plusSeconds(random.nextLong(20L * 366 * 86_400));

        for (int question = 0; question < 50; question++) {
            // mostly small steps across month edges, as a replay asks, sometimes a jump
            at = random.nextInt(10) == 0 ? START.plusSeconds(random.nextLong(20L * 366 * 86_400))
                    : at.plusSeconds(random.nextLong(-3 * 86_400, 3 * 86_400));

            assertThat(plan.monthOf(at)).as("seed %d: %s in %s", seed, at, zone)
                    .isEqualTo(YearMonth.from(at.atZone(zone)));
        }
    }
}
