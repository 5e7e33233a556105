package dev.janela.core.engine;

import static dev.janela.core.testfixtures.TestEvents.CONVERSATION;
import static dev.janela.core.testfixtures.TestEvents.T0;
import static dev.janela.core.testfixtures.TestEvents.customer;
import static dev.janela.core.testfixtures.TestEvents.hours;
import static dev.janela.core.testfixtures.TestEvents.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.testfixtures.TestClock;
import dev.janela.core.testfixtures.TestEngines;
import dev.janela.core.testfixtures.TestRates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversationWindowsTest {
    private final ConversationEngine engine = TestEngines.session(TestRates.priceBook());
    private final TestClock clock = new TestClock(T0);
    private final ConversationWindows windows = new ConversationWindows(engine, clock);
    private final MonthlyUsage usage = new MonthlyUsage();

    @Test
    void openWindow_countsDownAndTemplatesAreFree() {
        ConversationState state = engine.decide(engine.initialState(), customer("in1", T0), usage).next();
        clock.set(hours(20.5));

        WindowStatus status = windows.now(CONVERSATION, state, TemplateCategory.MARKETING, usage);

        assertThat(status.open()).isTrue();
        assertThat(status.expiresAt()).contains(hours(24));
        assertThat(status.left()).isEqualTo(Duration.ofMinutes(210));
        assertThat(status.templateCost().charged()).isFalse();
        assertThat(status.templateCost().amount()).hasValueSatisfying(amount -> assertThat(amount.isZero()).isTrue());
    }

    @Test
    void whenTheClockPassesTheWindow_itClosesAndATemplateCostsABusinessInitiatedSession() {
        ConversationState state = engine.decide(engine.initialState(), customer("in1", T0), usage).next();
        clock.set(hours(24));

        WindowStatus status = windows.now(CONVERSATION, state, TemplateCategory.UTILITY, usage);

        assertThat(status.open()).isFalse();
        assertThat(status.left()).isEqualTo(Duration.ZERO);
        assertThat(status.templateCost().amount()).hasValueSatisfying(amount ->
                assertThat(amount.toBigDecimal()).isEqualByComparingTo("0.05"));
    }

    @Test
    void withoutARateCard_theCostIsUnknown_andSaysWhy() {
        ConversationEngine unpriced = TestEngines.session(PriceBook.empty());

        WindowStatus status = new ConversationWindows(unpriced, clock).now(CONVERSATION, unpriced.initialState(),
                TemplateCategory.UTILITY, usage);

        assertThat(status.templateCost().charged()).isTrue();
        assertThat(status.templateCost().amount()).isEmpty();
        assertThat(status.templateCost().problem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("no rate card"));
    }

    @Test
    void pendingSession_isClosed_andAnotherTemplateWouldBeChargedAgain() {
        ConversationState state = engine.decide(engine.initialState(), template("t1", T0), usage).next();
        clock.set(hours(1));

        WindowStatus status = windows.now(CONVERSATION, state, TemplateCategory.UTILITY, usage);

        assertThat(status.open()).isFalse();
        assertThat(status.expiresAt()).isEmpty();
        assertThat(status.templateCost().amount()).hasValueSatisfying(amount ->
                assertThat(amount.toBigDecimal()).isEqualByComparingTo("0.05"));
    }
}
