package dev.janela.core.meta;

import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.MonthlyAllowance;
import dev.janela.core.pricing.Rating;
import dev.janela.core.pricing.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Meta's conversation-based pricing as it was from 1 February 2022 to 31 May 2023. A 24-hour conversation opens
 * when a business message is delivered and none is open: user-initiated if the customer's window is open (the
 * business is replying), business-initiated otherwise (a template). The customer's message alone costs nothing. The
 * first 1,000 conversations of each calendar month are free for the account. A reply within 24 hours to a customer
 * who came from an ad or a Page button opens a free entry point conversation, free and outside the 1,000; it lasts
 * 24 hours like any other (Meta's extension to 72 hours, early in 2023, has no reliable date). Immutable and
 * thread-safe.
 */
public final class Cbp2022Model extends MetaModel<Cbp2022Model.State> {
    public static final String NAME = "cbp-2022";
    /** The account's free conversations each month. */
    public static final long FREE_CONVERSATIONS = 1_000;

    private static final Duration LENGTH = Duration.ofHours(24);
    private static final MonthlyAllowance FREE_TIER =
            new MonthlyAllowance("conversations", MonthlyAllowance.Scope.ACCOUNT, FREE_CONVERSATIONS, false);
    private static final Unit COUNTED_USER_INITIATED = Unit.counted(Category.USER_INITIATED, FREE_TIER);
    private static final Unit COUNTED_BUSINESS_INITIATED = Unit.counted(Category.BUSINESS_INITIATED, FREE_TIER);

    /**
     * What the model remembers of a conversation.
     *
     * @param open the last conversation opened, null if none (it may have closed since)
     * @param arrivedAt when the customer last arrived from an entry point not yet answered, null if never
     */
    record State(OpenConversation open, Instant arrivedAt) implements WithArrival<State> {
        static final State INITIAL = new State(null, null);

        @Override
        public State withArrivedAt(Instant arrivedAt) {
            return new State(open, arrivedAt);
        }
    }

    public Cbp2022Model() {
        super(NAME, List.of(Category.USER_INITIATED, Category.BUSINESS_INITIATED, Category.REFERRAL_CONVERSION),
                State.class, State.INITIAL);
    }

    @Override
    public Rating<State> onDelivered(State state, BusinessMessage message, boolean windowOpen) {
        Instant at = message.at();
        if (state.open() != null && state.open().isOpenAt(at)) {
            return Rating.none(state); // one conversation covers every message in its 24 hours
        }
        OpenConversation opened = new OpenConversation(at.plus(LENGTH), message.id());
        if (windowOpen && EntryPoint.answeredInTime(state.arrivedAt(), at)) {
            return Rating.of(new State(opened, null), Unit.free(Category.REFERRAL_CONVERSION));
        }
        return Rating.of(new State(opened, state.arrivedAt()),
                windowOpen ? COUNTED_USER_INITIATED : COUNTED_BUSINESS_INITIATED);
    }

    @Override
    public State onFailedAfterAcceptance(State state, String messageId) {
        boolean openedIt = state.open() != null && state.open().openedBy().equals(messageId);
        return openedIt ? new State(null, state.arrivedAt()) : state;
    }
}
