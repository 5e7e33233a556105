package dev.janela.core.engine;

import static dev.janela.core.testfixtures.TestEvents.CONVERSATION;
import static dev.janela.core.testfixtures.TestEvents.T0;
import static dev.janela.core.testfixtures.TestEvents.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.core.testfixtures.TestEngines;
import dev.janela.core.testfixtures.TestRates;
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
}
