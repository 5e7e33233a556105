package dev.janela.core.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.MetaLog;
import dev.janela.core.testfixtures.MetaLog.Replayed;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Meta's own worked examples of its pricing models (the reference's section 2), each replayed as
 * {@code janela replay --model} would, with the charges Meta describes. The customer is Brazilian, so Meta's market
 * is {@code BR}.
 */
class MetaWorkedExamplesTest {
    @Nested
    class ConversationsByCategory {
        /** Summer 2023: after the categories came in, before service became free. */
        private final MetaLog log = new MetaLog(Instant.parse("2023-08-01T09:00:00Z"));

        @Test
        void marketingTemplate_thenTextsRideOnIt_untilItExpires_thenATextOpensService() {
            log.template("m0", 0, "marketing").in("c4", 4).text("t5", 5).text("t25", 25).text("t26", 26);

            Replayed replayed = log.replay(Cbp2023Model.NAME);

            // h0 opens marketing; h5 rides on it; h25 opens service (free: the month's first 1,000); h26 rides on it
            assertThat(replayed.charges()).containsExactly("m0 marketing 0.0625");
            assertThat(replayed.free()).containsExactly(Map.entry("service", 1L));
        }

        @Test
        void marketingTemplateInsideAServiceConversation_isChargedAsMarketing() {
            log.in("c0", 0).text("t1", 1).template("m2", 2, "marketing").text("t3", 3);

            Replayed replayed = log.replay(Cbp2023Model.NAME);

            assertThat(replayed.charges()).containsExactly("m2 marketing 0.0625");
            assertThat(replayed.free()).containsExactly(Map.entry("service", 1L));
        }

        @Test
        void freeEntryPoint_answeredWithATemplateTwelveHoursLater_lasts72Hours_textOnlyWhileTheWindowIsOpen() {
            // The customer writes from an ad at 10:00; the business answers with a template at 22:00.
            MetaLog ad = new MetaLog(Instant.parse("2023-08-01T10:00:00Z"));
            ad.inFromAd("c0", 0).template("u12", 12, "utility").text("t23", 23.9).text("t24", 24)
                    .template("m60", 60, "marketing").template("m84", 84, "marketing");

            Replayed replayed = ad.replay(Cbp2023Model.NAME);

            // Free from 22:00 for 72 h; free-form until 10:00 the next day (t24 is refused), a template after.
            assertThat(replayed.charges()).containsExactly("m84 marketing 0.0625");
            assertThat(replayed.free()).containsExactly(Map.entry("referral_conversion", 1L));
            assertThat(replayed.result().rejected()).isEqualTo(1);
        }

        @Test
        void freeEntryPointMissedBy24Hours_needsATemplate_whichOpensAnOrdinaryConversation() {
            MetaLog ad = new MetaLog(Instant.parse("2023-08-01T10:00:00Z"));
            ad.inFromAd("c0", 0).template("u25", 25, "utility");

            assertThat(ad.replay(Cbp2023Model.NAME).charges()).containsExactly("u25 utility 0.008");
        }
    }

    @Nested
    class PerMessage {
        private final MetaLog log = new MetaLog(Instant.parse("2025-08-04T09:00:00Z"));

        @Test
        void fourMessages_twoCharges_marketingAlways_utilityOnlyOutsideTheWindow() {
            log.template("m0", 0, "marketing").in("c2", 2).text("t3", 3).template("u4", 4, "utility")
                    .template("u30", 30, "utility");

            Replayed replayed = log.replay(Pmp2025Model.NAME);

            assertThat(replayed.charges()).containsExactly("m0 marketing 0.0625", "u30 utility 0.008");
            assertThat(replayed.free()).containsExactly(Map.entry("utility", 1L), Map.entry("service", 1L));
        }

        @Test
        void freeEntryPointWindow_makesEveryMessageFreeFor72HoursFromTheAnswer() {
            log.inFromAd("c0", 0).text("t1", 1).template("m30", 30, "marketing")
                    .template("a72", 72.9, "authentication").template("m74", 74, "marketing");

            Replayed replayed = log.replay(Pmp2025Model.NAME);

            assertThat(replayed.charges()).containsExactly("m74 marketing 0.0625");
            assertThat(replayed.free()).containsExactly(Map.entry("referral_conversion", 3L));
        }
    }

    @Nested
    class UserAndBusinessInitiated {
        private final MetaLog log = new MetaLog(Instant.parse("2022-06-01T09:00:00Z"));

        @Test
        void aReplyInsideTheWindowOpensAUserInitiatedConversation_whenDelivered_notWhenTheCustomerWrote() {
            log.in("c0", 0).in("c1", 1).text("t3", 3).template("u20", 20, "utility").text("t26", 26.5);

            Replayed replayed = log.replay(Cbp2022Model.NAME);

            // One conversation from h3 to h27 covers both answers (free: the month's first 1,000); the customer's
            // messages cost nothing alone.
            assertThat(replayed.charges()).isEmpty();
            assertThat(replayed.free()).containsExactly(Map.entry("user_initiated", 1L));
        }

        @Test
        void aReplyAfter24Hours_needsATemplate_andIsBusinessInitiated() {
            log.in("c0", 0).text("t25", 25).template("u25", 25, "utility");

            Replayed replayed = log.replay(Cbp2022Model.NAME);

            assertThat(replayed.result().rejected()).isEqualTo(1);
            assertThat(replayed.free()).containsExactly(Map.entry("business_initiated", 1L));
        }

        @Test
        void freeEntryPoint_isNotCharged_andDoesNotCountTowardsTheFreeTier() {
            log.inFromAd("c0", 0).text("t2", 2);

            Replayed replayed = log.replay(Cbp2022Model.NAME);

            assertThat(replayed.charges()).isEmpty();
            assertThat(replayed.free()).containsExactly(Map.entry("referral_conversion", 1L));
        }
    }
}
