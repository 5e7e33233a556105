package dev.janela.core.meta;

import static dev.janela.core.meta.MetaEdgeCasesTest.customerNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.plan.PricingPlan;
import dev.janela.core.pricing.Category;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.testfixtures.MetaLog;
import dev.janela.core.testfixtures.MetaLog.Replayed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Meta's pricing from 1 October 2026, each case computed by hand from the rules (MetaLog's rates: BR). */
class Pmp2026Test {
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final Instant NOVEMBER = Instant.parse("2026-11-09T12:00:00Z");
    private static final String OTHER_CHANNEL = "+5511999990001";

    private static Replayed replay(MetaLog log, long freeServiceMessages) {
        return log.replay(plan(freeServiceMessages, ZoneOffset.UTC));
    }

    private static PricingPlan plan(long freeServiceMessages, ZoneId zone) {
        return MetaLog.plan(new MetaSettings(freeServiceMessages), zone,
                MetaLog.period(Instant.MIN, Pmp2026Model.NAME, VolumeTiers.none()));
    }

    @Test
    void aFreeFormReplyInsideTheWindow_isChargedAsService_andOneAfterItClosesIsRefused() {
        MetaLog log = new MetaLog(NOVEMBER);
        log.in("c0", 0).text("s-last-ms", log.hour(24).minusMillis(1), MetaLog.CUSTOMER)
                .text("s-closed", log.hour(24).plusMillis(1), MetaLog.CUSTOMER);

        Replayed replayed = replay(log, 0);

        assertThat(replayed.charges()).containsExactly("s-last-ms service 0.03");
        assertThat(replayed.result().rejected()).isEqualTo(1);
    }

    @Test
    void theFirstNServiceMessagesOfAMonthAreFree_andTheNextIsCharged() {
        MetaLog log = new MetaLog(NOVEMBER);
        log.in("c0", 0).text("s1", 1).text("s2", 2).text("s3", 3).text("s4", 4);

        Replayed replayed = replay(log, 3);

        assertThat(replayed.charges()).containsExactly("s4 service 0.03");
        assertThat(replayed.free()).containsExactly(Map.entry("service", 3L));
        assertThat(replayed.result().byCategory()).containsOnlyKeys(Category.SERVICE);
    }

    @Test
    void eachBusinessNumberHasItsOwnAllowance() {
        MetaLog log = new MetaLog(NOVEMBER);
        String customer = customerNumber(1);
        log.in("a-in", NOVEMBER, MetaLog.CHANNEL, customer).in("b-in", NOVEMBER, OTHER_CHANNEL, customer)
                .text("a1", NOVEMBER.plusSeconds(1), MetaLog.CHANNEL, customer)
                .text("b1", NOVEMBER.plusSeconds(2), OTHER_CHANNEL, customer)
                .text("a2", NOVEMBER.plusSeconds(3), MetaLog.CHANNEL, customer);

        assertThat(replay(log, 1).charges()).containsExactly("a2 service 0.03");
    }

    @Test
    void theMonthTurnsAtMidnightInTheAccountsTimeZone_notInUtc() {
        // 01:00 and 02:30 UTC on 1 November are still 31 October in Sao Paulo (UTC-3); 03:30 UTC is November there.
        Instant customerWrites = Instant.parse("2026-11-01T00:30:00Z");
        MetaLog log = new MetaLog(customerWrites);
        log.in("c0", 0).text("t1", customerWrites.plus(Duration.ofMinutes(30)), MetaLog.CUSTOMER)
                .text("t2", Instant.parse("2026-11-01T02:30:00Z"), MetaLog.CUSTOMER)
                .text("t3", Instant.parse("2026-11-01T03:30:00Z"), MetaLog.CUSTOMER);

        assertThat(log.replay(plan(1, SAO_PAULO)).charges()).containsExactly("t2 service 0.03");
        assertThat(log.replay(plan(1, ZoneOffset.UTC)).charges()).containsExactly("t2 service 0.03",
                "t3 service 0.03");
    }

    @Test
    void aFailedServiceMessageUsesNoneOfTheAllowance() {
        MetaLog log = new MetaLog(NOVEMBER);
        log.in("c0", 0).failedText("f1", 1).text("s2", 2).text("s3", 3);

        Replayed replayed = replay(log, 1);

        assertThat(replayed.charges()).containsExactly("s3 service 0.03");
        assertThat(replayed.result().notDelivered()).isEqualTo(1);
    }

    @Test
    void utilityIsChargedInsideTheWindow_asOutsideIt_andAuthenticationAndMarketingAsBefore() {
        MetaLog log = new MetaLog(NOVEMBER);
        log.in("c0", 0).template("u-inside", 1, "utility").template("u-outside", 30, "utility")
                .template("a", 31, "authentication").template("m", 32, "marketing");

        assertThat(replay(log, 1_000).charges()).containsExactly("u-inside utility 0.008",
                "u-outside utility 0.008", "a authentication 0.0315", "m marketing 0.0625");
    }

    @Test
    void everythingInsideAFreeEntryPointWindowIsFree_forItsWhole72Hours() {
        MetaLog log = new MetaLog(NOVEMBER);
        log.inFromAd("c0", 0).text("answer", 1).template("m-inside", 30, "marketing")
                .template("u-inside", 72.5, "utility").template("m-after", 73, "marketing");

        Replayed replayed = replay(log, 0);

        assertThat(replayed.charges()).containsExactly("m-after marketing 0.0625");
        assertThat(replayed.free()).containsExactly(Map.entry("referral_conversion", 3L));
    }

    @Test
    void aFreeEntryPointWindowOpenedUnderPmp2025_staysFreeAfterTheSwitch() {
        Instant switchAt = LocalDate.of(2026, 10, 1).atStartOfDay(SAO_PAULO).toInstant();
        PricingPlan plan = MetaLog.plan(new MetaSettings(0), SAO_PAULO,
                MetaLog.period(Instant.MIN, Pmp2025Model.NAME, VolumeTiers.none()),
                MetaLog.period(switchAt, Pmp2026Model.NAME, VolumeTiers.none()));
        MetaLog log = new MetaLog(switchAt.minus(Duration.ofHours(2)));
        log.inFromAd("c0", 0).text("answer", 1).text("after-switch", 3).template("u-after", 40, "utility")
                .template("m-closed", 73.5, "marketing");

        Replayed replayed = log.replay(plan);

        assertThat(replayed.charges()).containsExactly("m-closed marketing 0.0625");
        assertThat(replayed.free()).containsExactly(Map.entry("referral_conversion", 3L));
    }

    @Test
    void aDatedPlanSwitchesOnOctober1AtMidnightInTheAccountsTimeZone() {
        Instant switchAt = LocalDate.of(2026, 10, 1).atStartOfDay(SAO_PAULO).toInstant();
        PricingPlan plan = MetaLog.plan(new MetaSettings(0), SAO_PAULO,
                MetaLog.period(Instant.MIN, Pmp2025Model.NAME, VolumeTiers.none()),
                MetaLog.period(switchAt, Pmp2026Model.NAME, VolumeTiers.none()));
        MetaLog log = new MetaLog(switchAt.minus(Duration.ofHours(3)));
        log.in("c0", 0).text("s-before", switchAt.minusSeconds(60), MetaLog.CUSTOMER)
                .template("u-before", switchAt.minusSeconds(30), MetaLog.CUSTOMER, "utility")
                .text("s-after", switchAt.plusSeconds(30), MetaLog.CUSTOMER)
                .template("u-after", switchAt.plusSeconds(60), MetaLog.CUSTOMER, "utility");

        Replayed replayed = log.replay(plan);

        assertThat(replayed.charges()).containsExactly("s-after service 0.03", "u-after utility 0.008");
        assertThat(replayed.free()).containsOnly(Map.entry("utility", 1L), Map.entry("service", 1L));
    }

    @Test
    void aMarketMadeStandaloneMidLog_pricesEachChargeByTheMarketInForceAtItsTime() {
        String singapore = "+6581234567";
        Instant july = Instant.parse("2026-07-01T00:00:00Z");
        MetaLog log = new MetaLog(july);
        log.template("before", july.minusSeconds(1), singapore, "marketing")
                .template("after", july, singapore, "marketing");

        Replayed replayed = log.replay(plan(0, ZoneOffset.UTC));

        assertThat(replayed.ledger()).extracting(charge -> charge.eventId() + " " + charge.market())
                .containsExactly("before Rest of Asia Pacific", "after SG");
    }

    @Test
    void aNegativeAllowanceIsRefused() {
        assertThatThrownBy(() -> new MetaSettings(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }
}
