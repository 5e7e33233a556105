package dev.janela.core.meta;

import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.MonthlyAllowance;
import dev.janela.core.pricing.PricingState;
import dev.janela.core.pricing.Rating;
import dev.janela.core.pricing.Unit;
import java.time.Instant;
import java.util.List;

/**
 * Meta's per-message pricing from 1 October 2026: every delivered message is charged, templates by their category
 * (utility inside an open window too) and free-form messages as {@code service}, at the rate card's service price
 * for the recipient's market, without volume tiers. The first service messages of each business number in a
 * calendar month are free; how many is a setting ({@link MetaSettings}, {@link #DEFAULT_FREE_SERVICE_MESSAGES} by
 * default), since Meta's pages do not say it. Everything inside the 72-hour window a free entry point opens is free,
 * as before, and utility and authentication templates are still priced by monthly volume tiers per market. A free
 * entry point window open at the switch from {@code pmp-2025} or {@code cbp-2023} stays open until it ends.
 * Immutable and thread-safe.
 */
public final class Pmp2026Model extends MetaModel<Pmp2026Model.State> {
    public static final String NAME = "pmp-2026";
    /** The free service messages of each business number each month, as integrators reported Meta's bills. */
    public static final long DEFAULT_FREE_SERVICE_MESSAGES = 1_000;
    /** The monthly count of each business number's service messages, free or charged. */
    public static final String SERVICE_COUNTER = "service_messages";

    private final MonthlyAllowance serviceAllowance;
    /** A service message, counted for the business number's free ones. */
    private final Unit countedService;

    /**
     * What the model remembers of a conversation.
     *
     * @param entryPoint the free entry point window last opened, null if none (it may have closed since)
     * @param arrivedAt when the customer last arrived from an entry point not yet answered, null if never
     */
    record State(OpenConversation entryPoint, Instant arrivedAt) implements WithArrival<State> {
        static final State INITIAL = new State(null, null);

        @Override
        public State withArrivedAt(Instant arrivedAt) {
            return new State(entryPoint, arrivedAt);
        }
    }

    /** @param settings how many service messages each business number sends free in a calendar month */
    public Pmp2026Model(MetaSettings settings) {
        super(NAME, List.of(Category.MARKETING, Category.UTILITY, Category.AUTHENTICATION, Category.SERVICE,
                Category.REFERRAL_CONVERSION), State.class, State.INITIAL);
        this.serviceAllowance = new MonthlyAllowance(SERVICE_COUNTER, MonthlyAllowance.Scope.BUSINESS_NUMBER,
                settings.freeServiceMessages(), false);
        this.countedService = Unit.counted(Category.SERVICE, serviceAllowance);
    }

    /** How many service messages each business number sends free in a calendar month. */
    public long freeServiceMessages() {
        return serviceAllowance.freeUnits();
    }

    @Override
    State takeOverFromAnother(PricingState state) {
        if (state instanceof Pmp2025Model.State messages) {
            return new State(messages.entryPoint(), messages.arrivedAt());
        }
        if (state instanceof Cbp2023Model.State conversations) {
            return new State(conversations.get(Category.REFERRAL_CONVERSION), conversations.arrivedAt());
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
            State next = new State(new OpenConversation(at.plus(EntryPoint.LENGTH), message.id()), null);
            return Rating.of(next, Unit.free(Category.REFERRAL_CONVERSION));
        }
        if (!(message instanceof TemplateMessage template)) {
            return Rating.of(state, countedService);
        }
        return Rating.of(state, switch (template.category()) {
            case UTILITY -> Pmp2025Model.COUNTED_UTILITY;
            case AUTHENTICATION -> Pmp2025Model.COUNTED_AUTHENTICATION;
            case MARKETING -> Unit.charged(Category.MARKETING);
        });
    }

    @Override
    public State onFailedAfterAcceptance(State state, String messageId) {
        boolean openedIt = state.entryPoint() != null && state.entryPoint().openedBy().equals(messageId);
        return openedIt ? new State(null, state.arrivedAt()) : state;
    }
}
