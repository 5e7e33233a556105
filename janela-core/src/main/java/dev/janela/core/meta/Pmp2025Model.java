package dev.janela.core.meta;

import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.MonthlyAllowance;
import dev.janela.core.pricing.PricingState;
import dev.janela.core.pricing.Rating;
import dev.janela.core.pricing.Unit;
import java.time.Instant;
import java.util.List;

/**
 * Meta's per-message pricing, from 1 July 2025: each delivered template is charged by its category. Free-form
 * messages are free (they can only be sent inside the customer's window), so are utility templates delivered while
 * the window is open, and so is everything inside the 72-hour window a free entry point opens. Utility and
 * authentication messages are priced by graduated monthly volume tiers per market, counting only charged messages.
 * A utility conversation of {@code cbp-2023} still open at the switch keeps its utility templates free until it
 * closes, as Meta did on 1 July 2025. Immutable and thread-safe.
 */
public final class Pmp2025Model extends MetaModel<Pmp2025Model.State> {
    public static final String NAME = "pmp-2025";

    /** Utility messages, counted per market for its volume tiers. */
    static final MonthlyAllowance UTILITY_TIERS =
            new MonthlyAllowance("utility", MonthlyAllowance.Scope.MARKET, 0, true);
    /** Authentication messages, counted per market for its volume tiers. */
    static final MonthlyAllowance AUTHENTICATION_TIERS =
            new MonthlyAllowance("authentication", MonthlyAllowance.Scope.MARKET, 0, true);
    /** A utility message outside a window and a utility conversation, counted for its tiers. */
    static final Unit COUNTED_UTILITY = Unit.counted(Category.UTILITY, UTILITY_TIERS);
    /** An authentication message, counted for its tiers. */
    static final Unit COUNTED_AUTHENTICATION = Unit.counted(Category.AUTHENTICATION, AUTHENTICATION_TIERS);

    /**
     * What the model remembers of a conversation.
     *
     * @param entryPoint the free entry point window last opened, null if none (it may have closed since)
     * @param arrivedAt when the customer last arrived from an entry point not yet answered, null if never
     * @param utilityConversationUntil when a utility conversation opened under {@code cbp-2023} closes, null if
     *     there was none at the switch
     */
    record State(OpenConversation entryPoint, Instant arrivedAt, Instant utilityConversationUntil)
            implements WithArrival<State> {
        static final State INITIAL = new State(null, null, null);

        @Override
        public State withArrivedAt(Instant arrivedAt) {
            return new State(entryPoint, arrivedAt, utilityConversationUntil);
        }
    }

    public Pmp2025Model() {
        super(NAME, List.of(Category.MARKETING, Category.UTILITY, Category.AUTHENTICATION, Category.SERVICE,
                Category.REFERRAL_CONVERSION), State.class, State.INITIAL);
    }

    @Override
    State takeOverFromAnother(PricingState state) {
        if (state instanceof Cbp2023Model.State conversations) {
            OpenConversation utility = conversations.get(Category.UTILITY);
            return new State(conversations.get(Category.REFERRAL_CONVERSION), conversations.arrivedAt(),
                    utility == null ? null : utility.expiresAt());
        }
        return super.takeOverFromAnother(state);
    }

    @Override
    public Rating<State> onDelivered(State state, BusinessMessage message, boolean windowOpen) {
        Instant at = message.at();
        if (state.entryPoint() != null && state.entryPoint().isOpenAt(at)) {
            return Rating.of(state, Unit.free(Category.REFERRAL_CONVERSION));
        }
        if (EntryPoint.answeredInTime(state.arrivedAt(), at)) {
            State next = new State(new OpenConversation(at.plus(EntryPoint.LENGTH), message.id()), null,
                    state.utilityConversationUntil());
            return Rating.of(next, Unit.free(Category.REFERRAL_CONVERSION));
        }
        if (!(message instanceof TemplateMessage template)) {
            return Rating.of(state, Unit.free(Category.SERVICE));
        }
        if (template.category() == TemplateCategory.UTILITY) {
            boolean inConversation = state.utilityConversationUntil() != null
                    && at.isBefore(state.utilityConversationUntil());
            return Rating.of(state, windowOpen || inConversation ? Unit.free(Category.UTILITY)
                    : COUNTED_UTILITY);
        }
        if (template.category() == TemplateCategory.AUTHENTICATION) {
            return Rating.of(state, COUNTED_AUTHENTICATION);
        }
        return Rating.of(state, Unit.charged(Category.MARKETING));
    }

    @Override
    public State onFailedAfterAcceptance(State state, String messageId) {
        boolean openedIt = state.entryPoint() != null && state.entryPoint().openedBy().equals(messageId);
        return openedIt ? new State(null, state.arrivedAt(), state.utilityConversationUntil()) : state;
    }
}
