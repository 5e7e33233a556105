package dev.janela.core.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.plan.PricingPlan;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.ratecard.VolumeTiersParser;
import dev.janela.core.testfixtures.MetaLog;
import dev.janela.core.testfixtures.MetaLog.Replayed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge cases of Meta's models that the reference lists, one test each. */
class MetaEdgeCasesTest {
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Test
    void cbp2023_templatesOfDifferentCategoriesOverlap_andOneOfAnOpenCategoryIsCovered() {
        MetaLog log = new MetaLog(Instant.parse("2023-08-01T09:00:00Z"));
        log.template("m0", 0, "marketing").template("u1", 1, "utility").template("a2", 2, "authentication")
                .template("m3", 3, "marketing").template("u24", 24.5, "utility");

        assertThat(log.replay(Cbp2023Model.NAME).charges()).containsExactly("m0 marketing 0.0625",
                "u1 utility 0.008", "a2 authentication 0.0315");
    }

    @Test
    void cbp2023_freeFormOpensServiceOnlyWhenNoConversationOfAnyCategoryIsOpen() {
        MetaLog log = new MetaLog(Instant.parse("2023-08-01T09:00:00Z"));
        log.template("u0", 0, "utility").in("c1", 1).text("t2", 2).text("t23", 23.5).text("t24", 24.5);

        Replayed replayed = log.replay(Cbp2023Model.NAME);

        // t2 and t23 ride on the utility conversation; t24 comes after it closed, and opens service.
        assertThat(replayed.charges()).containsExactly("u0 utility 0.008");
        assertThat(replayed.free()).containsExactly(Map.entry("service", 1L));
    }

    @Test
    void cbp2023_freeEntryPointClosesTheOthers_andKeepsNewOnesFromOpeningUntilItEnds() {
        MetaLog log = new MetaLog(Instant.parse("2023-08-01T09:00:00Z"));
        log.template("m0", 0, "marketing").inFromAd("c1", 1).text("t2", 2).template("u3", 3, "utility")
                .template("m50", 50, "marketing").template("m74", 74, "marketing");

        Replayed replayed = log.replay(Cbp2023Model.NAME);

        assertThat(replayed.charges()).containsExactly("m0 marketing 0.0625", "m74 marketing 0.0625");
        assertThat(replayed.free()).containsExactly(Map.entry("referral_conversion", 1L));
    }

    @Test
    void cbp2023_serviceIsFreeFromNovember2024_inTheAccountsTimeZone() {
        // 1,001 service conversations on 31 October 2024 in São Paulo: the 1,001st is charged. The same on
        // 1 November: none is.
        Instant october = LocalDate.of(2024, 10, 31).atTime(12, 0).atZone(SAO_PAULO).toInstant();
        Instant november = LocalDate.of(2024, 11, 1).atTime(0, 0).atZone(SAO_PAULO).toInstant();

        assertThat(serviceConversations(october, 1_001).charges()).hasSize(1).allMatch(charge ->
                charge.endsWith(" service 0.03"));
        Replayed free = serviceConversations(november, 1_001);
        assertThat(free.charges()).isEmpty();
        assertThat(free.free()).containsExactly(Map.entry("service", 1_001L));
    }

    private static Replayed serviceConversations(Instant at, int customers) {
        MetaLog log = new MetaLog(at);
        for (int customer = 0; customer < customers; customer++) {
            String number = customerNumber(customer);
            log.in("c" + customer, at.minusSeconds(60), number).text("t" + customer, at, number);
        }
        return log.replay(MetaLog.plan(Cbp2023Model.NAME, VolumeTiers.none(), SAO_PAULO));
    }

    @Test
    void cbp2022_theFirst1000ConversationsOfAMonthAreFree_inTheAccountsTimeZone() {
        // 1,000 on 30 June in São Paulo, then one at 23:00 there (02:00 UTC on 1 July), then one at midnight.
        Instant june = Instant.parse("2022-06-30T15:00:00Z");
        MetaLog log = new MetaLog(june);
        for (int customer = 0; customer < 1_000; customer++) {
            log.template("b" + customer, june, customerNumber(customer), "marketing");
        }
        log.template("late-june", Instant.parse("2022-07-01T02:00:00Z"), customerNumber(1_000), "marketing");
        log.template("july", Instant.parse("2022-07-01T03:00:00Z"), customerNumber(1_001), "marketing");

        Replayed saoPaulo = log.replay(MetaLog.plan(Cbp2022Model.NAME, VolumeTiers.none(), SAO_PAULO));
        Replayed utc = log.replay(MetaLog.plan(Cbp2022Model.NAME, VolumeTiers.none(), ZoneOffset.UTC));

        assertThat(saoPaulo.charges()).containsExactly("late-june business_initiated 0.05");
        assertThat(saoPaulo.free()).containsExactly(Map.entry("business_initiated", 1_001L));
        assertThat(utc.charges()).isEmpty();
    }

    @Test
    void pmp2025_volumeTiersAreGraduatedPerMarketAndCategory_countOnlyChargedMessages_andResetMonthly() {
        VolumeTiers tiers = VolumeTiersParser.parse("tiers.csv", """
                market,category,from,to,price
                BR,utility,3,4,0.0050
                BR,utility,5,,0.0030
                """);
        Instant may = Instant.parse("2026-05-31T12:00:00Z");
        MetaLog log = new MetaLog(may);
        log.in("c-in", may.minusSeconds(60), customerNumber(99)).template("in-window", may, customerNumber(99),
                "utility");
        for (int customer = 0; customer < 6; customer++) {
            log.template("u" + customer, may.plusSeconds(customer + 1), customerNumber(customer), "utility");
        }
        log.template("m", may, customerNumber(7), "marketing");
        log.template("june", Instant.parse("2026-06-01T00:00:00Z"), customerNumber(8), "utility");

        Replayed replayed = log.replay(MetaLog.plan(Pmp2025Model.NAME, tiers, ZoneOffset.UTC));

        assertThat(replayed.charges()).containsExactly("m marketing 0.0625", "u0 utility 0.008",
                "u1 utility 0.008", "u2 utility 0.005", "u3 utility 0.005", "u4 utility 0.003", "u5 utility 0.003",
                "june utility 0.008");
        assertThat(replayed.ledger().get(3).rateCardVersion()).isEqualTo("tiers.csv");
    }

    @Test
    void pmp2025_authenticationIsChargedInsideTheWindowToo() {
        MetaLog log = new MetaLog(Instant.parse("2025-08-04T09:00:00Z"));
        log.in("c0", 0).template("a1", 1, "authentication").template("u2", 2, "utility");

        assertThat(log.replay(Pmp2025Model.NAME).charges()).containsExactly("a1 authentication 0.0315");
    }

    @Test
    void plan_switchesFromConversationsToPerMessageAtMidnightOnJuly1InTheAccountsTimeZone() {
        Instant switchAt = LocalDate.of(2025, 7, 1).atStartOfDay(SAO_PAULO).toInstant();
        PricingPlan plan = MetaLog.plan(SAO_PAULO, MetaLog.period(Instant.MIN, Cbp2023Model.NAME, VolumeTiers.none()),
                MetaLog.period(switchAt, Pmp2025Model.NAME, VolumeTiers.none()));
        MetaLog log = new MetaLog(switchAt.minus(Duration.ofMinutes(1)));
        // A marketing conversation opened a minute before the switch would cover a second template under cbp-2023;
        // a utility one keeps utility templates free while it stays open, as Meta did; then each is charged.
        log.template("m-before", 0, "marketing").template("u-before", 0, "utility")
                .template("m-after", 1.0 / 60, "marketing").template("u-after", 10, "utility")
                .template("u-late", 24.5, "utility");

        Replayed replayed = log.replay(plan);

        assertThat(replayed.result().model()).isEqualTo(PricingPlan.PLAN);
        assertThat(replayed.charges()).containsExactly("m-before marketing 0.0625", "u-before utility 0.008",
                "m-after marketing 0.0625", "u-late utility 0.008");
        assertThat(replayed.free()).containsExactly(Map.entry("utility", 1L));
        assertThat(log.replay(Cbp2023Model.NAME).charges()).containsExactly("m-before marketing 0.0625",
                "u-before utility 0.008", "u-late utility 0.008");
    }

    /** A Brazilian mobile number of its own for each customer. */
    static String customerNumber(int customer) {
        return "+55219" + String.format("%08d", 10_000_000 + customer);
    }
}
