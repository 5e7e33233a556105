package dev.janela.core.engine;

import static dev.janela.core.testfixtures.TestEvents.CONVERSATION;
import static dev.janela.core.testfixtures.TestEvents.T0;
import static dev.janela.core.testfixtures.TestEvents.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.meta.MetaSettings;
import dev.janela.core.meta.Pmp2026Model;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.core.pricing.UsageKey;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.testfixtures.MetaLog;
import dev.janela.core.testfixtures.TestEngines;
import dev.janela.core.testfixtures.TestRates;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConversationEngineTest {
    private final ConversationEngine engine = TestEngines.session(TestRates.priceBook());

    @Test
    void decide_withTheConversationsMarketsFoundBeforehand_decidesAsWithout() {
        CustomerMessage message = customer("m1", T0);

        Decision found = engine.decide(engine.initialState(), message, new MonthlyUsage(),
                engine.marketsOf(CONVERSATION));

        assertThat(found).isEqualTo(engine.decide(engine.initialState(), message, new MonthlyUsage()));
        assertThat(found.charge()).hasValueSatisfying(charge -> assertThat(charge.market()).isEqualTo("BR"));
    }

    @Test
    void decide_withAnotherConversationsMarkets_isRefused() {
        ConversationKey another = new ConversationKey("+525512345678", "+5521988887777");

        assertThatThrownBy(() -> engine.decide(engine.initialState(), customer("m1", T0), new MonthlyUsage(),
                engine.marketsOf(another)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another conversation");
    }

    @Test
    void assess_leavesACountedUnitToBeNumberedInItsMonth_andDecidesAsDecideWouldOnceItIs() {
        ConversationEngine meta = new ConversationEngine(MetaLog.plan(new MetaSettings(2), ZoneOffset.UTC,
                MetaLog.period(Instant.MIN, Pmp2026Model.NAME, VolumeTiers.none())), Duration.ofHours(24));
        ConversationState open = meta.decide(meta.initialState(), customer("in", T0), new MonthlyUsage()).next();
        FreeFormMessage reply = new FreeFormMessage("out", T0.plusSeconds(60), CONVERSATION, false);

        Assessment assessment = meta.assess(open, reply, meta.marketsOf(CONVERSATION));

        assertThat(assessment.counts()).isTrue();
        assertThat(assessment.key()).isEqualTo(new UsageKey(YearMonth.of(2026, 3), Pmp2026Model.SERVICE_COUNTER,
                CONVERSATION.channel()));
        assertThat(assessment.decide(key -> 2).free()).contains(Category.SERVICE);
        assertThat(assessment.decide(key -> 3).charge()).hasValueSatisfying(charge -> {
            assertThat(charge.category()).isEqualTo(Category.SERVICE);
            assertThat(charge.eventId()).isEqualTo("out");
        });
        assertThat(assessment.decide(new MonthlyUsage())).isEqualTo(meta.decide(open, reply, new MonthlyUsage()));
    }

    @Test
    void assess_ofAUnitNoMonthlyCountDecides_leavesNothingToNumber() {
        Assessment assessment = engine.assess(engine.initialState(), customer("m1", T0),
                engine.marketsOf(CONVERSATION));

        assertThat(assessment.counts()).isFalse();
        assertThatThrownBy(assessment::key).isInstanceOf(IllegalStateException.class);
        assertThat(assessment.decide(key -> {
            throw new AssertionError("nothing to count");
        }).charge()).isPresent();
    }
}
