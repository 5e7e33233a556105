package dev.janela.core.meta;

import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.MonthlyAllowance;
import dev.janela.core.pricing.Rating;
import dev.janela.core.pricing.Unit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Meta's conversation-based pricing by category, as it was from 1 June 2023 to 30 June 2025. A template opens a
 * 24-hour conversation of its category (marketing, utility, authentication) unless one of that category is open, so
 * conversations of different categories overlap. A free-form message opens a service conversation only when no
 * conversation of any category is open. A reply within 24 hours to a customer who came from an ad or a Page button
 * opens a 72-hour free entry point conversation that closes the others and keeps new ones from opening. The first
 * 1,000 service conversations of each month are free for the account; from 1 November 2024 all are. Immutable and
 * thread-safe.
 */
public final class Cbp2023Model extends MetaModel<Cbp2023Model.State> {
    public static final String NAME = "cbp-2023";
    /** The account's free service conversations each month, until all became free. */
    public static final long FREE_SERVICE_CONVERSATIONS = 1_000;
    /** The day from which every service conversation is free. */
    public static final LocalDate SERVICE_FREE_FROM = LocalDate.of(2024, 11, 1);

    private static final Duration LENGTH = Duration.ofHours(24);
    private static final MonthlyAllowance FREE_TIER =
            new MonthlyAllowance("service", MonthlyAllowance.Scope.ACCOUNT, FREE_SERVICE_CONVERSATIONS, false);
    private static final Unit COUNTED_SERVICE = Unit.counted(Category.SERVICE, FREE_TIER);

    private final Instant serviceFreeFrom;

    /**
     * What the model remembers of a conversation: the conversations opened by category, the free entry point's under
     * {@link Category#REFERRAL_CONVERSION} (some may have closed since), and when the customer last arrived from an
     * entry point not yet answered. Immutable. Kept in an array by category rather than a map: a replay makes one for
     * most business messages, and the map's copies and streams were a third of its rating.
     */
    static final class State implements WithArrival<State> {
        private static final int CATEGORIES = Category.values().length;
        static final State INITIAL = new State(new OpenConversation[CATEGORIES], null);

        private final OpenConversation[] open;
        private final Instant arrivedAt;

        private State(OpenConversation[] open, Instant arrivedAt) {
            this.open = open;
            this.arrivedAt = arrivedAt;
        }

        /**
         * The state a store kept, read back.
         *
         * @param open the conversations opened by category
         * @param arrivedAt when the customer last arrived from an entry point not yet answered, null if never
         */
        State(Map<Category, OpenConversation> open, Instant arrivedAt) {
            this(new OpenConversation[CATEGORIES], arrivedAt);
            open.forEach((category, conversation) ->
                    this.open[category.ordinal()] = Objects.requireNonNull(conversation, "conversation"));
        }

        @Override
        public Instant arrivedAt() {
            return arrivedAt;
        }

        @Override
        public State withArrivedAt(Instant arrivedAt) {
            return Objects.equals(arrivedAt, this.arrivedAt) ? this : new State(open, arrivedAt);
        }

        /** The conversation of {@code category} opened last, null if none; it may have closed since. */
        OpenConversation get(Category category) {
            return open[category.ordinal()];
        }

        boolean anyOpenAt(Instant at) {
            for (OpenConversation conversation : open) {
                if (conversation != null && conversation.isOpenAt(at)) {
                    return true;
                }
            }
            return false;
        }

        /** This state with {@code category} opened by {@code conversation}, the closed ones forgotten. */
        State opening(Category category, OpenConversation conversation, Instant at) {
            OpenConversation[] next = new OpenConversation[CATEGORIES];
            for (int index = 0; index < CATEGORIES; index++) {
                if (open[index] != null && open[index].isOpenAt(at)) {
                    next[index] = open[index];
                }
            }
            next[category.ordinal()] = conversation;
            return new State(next, arrivedAt);
        }

        /** This state without what the message {@code messageId} opened. */
        State forgetting(String messageId) {
            OpenConversation[] kept = open.clone();
            boolean changed = false;
            for (int index = 0; index < CATEGORIES; index++) {
                if (kept[index] != null && kept[index].openedBy().equals(messageId)) {
                    kept[index] = null;
                    changed = true;
                }
            }
            return changed ? new State(kept, arrivedAt) : this;
        }

        /** A state with only a free entry point open, opened by {@code conversation}. */
        static State entryPoint(OpenConversation conversation) {
            OpenConversation[] open = new OpenConversation[CATEGORIES];
            open[Category.REFERRAL_CONVERSION.ordinal()] = conversation;
            return new State(open, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof State state && Arrays.equals(open, state.open)
                    && Objects.equals(arrivedAt, state.arrivedAt);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(open) + Objects.hashCode(arrivedAt);
        }

        @Override
        public String toString() {
            return "State[open=" + Arrays.toString(open) + ", arrivedAt=" + arrivedAt + "]";
        }
    }

    /** @param billingZone the account's time zone, in which service became free on 1 November 2024 */
    public Cbp2023Model(ZoneId billingZone) {
        super(NAME, List.of(Category.MARKETING, Category.UTILITY, Category.AUTHENTICATION, Category.SERVICE,
                Category.REFERRAL_CONVERSION), State.class, State.INITIAL);
        this.serviceFreeFrom = SERVICE_FREE_FROM.atStartOfDay(Objects.requireNonNull(billingZone, "billingZone"))
                .toInstant();
    }

    @Override
    public Rating<State> onDelivered(State state, BusinessMessage message, boolean windowOpen) {
        Instant at = message.at();
        OpenConversation entryPoint = state.get(Category.REFERRAL_CONVERSION);
        if (entryPoint != null && entryPoint.isOpenAt(at)) {
            return Rating.none(state); // a free entry point covers everything and lets nothing else open
        }
        if (EntryPoint.answeredInTime(state.arrivedAt(), at)) {
            // It closes every other conversation with the customer.
            State next = State.entryPoint(new OpenConversation(at.plus(EntryPoint.LENGTH), message.id()));
            return Rating.of(next, Unit.free(Category.REFERRAL_CONVERSION));
        }
        OpenConversation opened = new OpenConversation(at.plus(LENGTH), message.id());
        if (message instanceof TemplateMessage template) {
            Category category = Category.valueOf(template.category().name());
            OpenConversation same = state.get(category);
            if (same != null && same.isOpenAt(at)) {
                return Rating.none(state);
            }
            return Rating.of(state.opening(category, opened, at), Unit.charged(category));
        }
        if (state.anyOpenAt(at)) {
            return Rating.none(state); // free-form rides on any open conversation
        }
        State next = state.opening(Category.SERVICE, opened, at);
        return Rating.of(next, at.isBefore(serviceFreeFrom) ? COUNTED_SERVICE : Unit.free(Category.SERVICE));
    }

    @Override
    public State onFailedAfterAcceptance(State state, String messageId) {
        return state.forgetting(messageId);
    }
}
