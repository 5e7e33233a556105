package dev.janela.core.engine;

import dev.janela.core.JanelaException;
import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.ledger.Charge;
import dev.janela.core.money.Money;
import dev.janela.core.pricing.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers what the inbox and the API ask before sending: is this conversation's window open now, until when, and
 * what would a template cost now. "Now" comes from the injected clock; the answer comes from the engine itself, by
 * deciding a template at that instant without recording anything, so it can never disagree with what sending would
 * charge. Thread-safe.
 */
public final class ConversationWindows {
    /** The id of the message a preview decides; it is never recorded anywhere. */
    private static final String PREVIEW_ID = "janela.preview";

    private final ConversationEngine engine;
    private final Clock clock;

    public ConversationWindows(ConversationEngine engine, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The window of the conversation {@code conversation}, whose state is {@code state}, at the clock's instant.
     *
     * @param category the category of the template whose price is asked
     * @param usage the account's monthly counts as they are, which the preview must not change
     */
    public WindowStatus now(ConversationKey conversation, ConversationState state, TemplateCategory category,
            Usage usage) {
        Instant now = clock.instant();
        boolean open = state.isWindowOpenAt(now);
        Duration left = open ? Duration.between(now, state.windowExpiresAt().orElseThrow()) : Duration.ZERO;
        Optional<ReplyCost> reply = open
                ? Optional.of(cost(state, new FreeFormMessage(PREVIEW_ID, now, conversation, false), usage))
                : Optional.empty();
        return new WindowStatus(now, open, state.windowExpiresAt(), left,
                templateCost(conversation, state, category, usage), reply);
    }

    /**
     * What a template of {@code category} would cost if sent at the clock's instant, without the rest of the window:
     * for estimates over many customers, which show no reply's cost.
     *
     * @param usage the account's monthly counts as they are, which the preview must not change
     */
    public TemplateCost templateCost(ConversationKey conversation, ConversationState state,
            TemplateCategory category, Usage usage) {
        return cost(state, new TemplateMessage(PREVIEW_ID, clock.instant(), conversation, category, false), usage)
                .cost();
    }

    /** What {@code preview} would cost if sent now, decided by the engine and recorded nowhere. */
    private ReplyCost cost(ConversationState state, BusinessMessage preview, Usage usage) {
        try {
            Decision decision = engine.decide(state, preview, usage);
            return new ReplyCost(TemplateCost.of(decision.charge().map(Charge::amount)
                    .orElse(Money.zero(engine.plan().currency()))), decision.counted());
        } catch (JanelaException unpriced) {
            return new ReplyCost(TemplateCost.unpriced(unpriced.getMessage()), Optional.empty());
        }
    }
}
