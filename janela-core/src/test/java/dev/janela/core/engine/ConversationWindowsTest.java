package dev.janela.core.engine;

import static dev.janela.core.testfixtures.TestEvents.CONVERSATION;
import static dev.janela.core.testfixtures.TestEvents.T0;
import static dev.janela.core.testfixtures.TestEvents.customer;
import static dev.janela.core.testfixtures.TestEvents.hours;
import static dev.janela.core.testfixtures.TestEvents.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.testfixtures.TestClock;
import dev.janela.core.testfixtures.TestEngines;
import dev.janela.core.testfixtures.TestRates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversationWindowsTest {
    private final ConversationEngine engine = TestEngines.session(TestRates.priceBook());
    private final TestClock clock = new TestClock(T0);
    private final ConversationWindows windows = new ConversationWindows(engine, clock);

    @Test
    void openWindow_countsDownAndTemplatesAreFree() {
        ConversationState state = engine.decide(engine.initialState(), customer("in1", T0), "BR").next();
        clock.set(hours(20.5));

        WindowStatus status = windows.now(CONVERSATION, state, "BR", TemplateCategory.MARKETING);

        assertThat(status.open()).isTrue();
        assertThat(status.expiresAt()).contains(hours(24));
        assertThat(status.left()).isEqualTo(Duration.ofMinutes(210));
        assertThat(status.templatePrice().isZero()).isTrue();
    }

    @Test
    void whenTheClockPassesTheWindow_itClosesAndATemplateCostsABusinessInitiatedSession() {
        ConversationState state = engine.decide(engine.initialState(), customer("in1", T0), "BR").next();
        clock.set(hours(24));

        WindowStatus status = windows.now(CONVERSATION, state, "BR", TemplateCategory.UTILITY);

        assertThat(status.open()).isFalse();
        assertThat(status.left()).isEqualTo(Duration.ZERO);
        assertThat(status.templatePrice().toBigDecimal()).isEqualByComparingTo("0.05");
    }

    @Test
    void pendingSession_isClosed_andAnotherTemplateWouldBeChargedAgain() {
        ConversationState state = engine.decide(engine.initialState(), template("t1", T0), "BR").next();
        clock.set(hours(1));

        WindowStatus status = windows.now(CONVERSATION, state, "BR", TemplateCategory.UTILITY);

        assertThat(status.open()).isFalse();
        assertThat(status.expiresAt()).isEmpty();
        assertThat(status.templatePrice().toBigDecimal()).isEqualByComparingTo("0.05");
    }
}
