package dev.janela.core.engine;

import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.ledger.Charge;
import dev.janela.core.ledger.ChargeKind;
import dev.janela.core.market.ConversationMarkets;
import dev.janela.core.market.MarketResolver;
import dev.janela.core.plan.PricingPlan;
import dev.janela.core.pricing.PricingModel;
import dev.janela.core.pricing.PricingState;
import dev.janela.core.pricing.Rating;
import dev.janela.core.pricing.Unit;
import dev.janela.core.pricing.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides every event of a conversation: whether it may happen, how it changes the conversation's state, and what
 * it costs. The window logic is here, common to every pricing model; what is charged is the model's to say, the
 * model and the price are those of the pricing plan's period in force at the event's time, and monthly free units
 * and volume tiers are counted in the account's usage.
 *
 * <p>The engine is a pure function of the state and the event: it keeps nothing between calls, takes every time
 * from the event (R9: never from when a late event is processed), and is thread-safe. Callers serialise the events
 * of one conversation, apply them in time order, and drop events whose id they have already seen (R12).
 */
public final class ConversationEngine {
    private final PricingPlan plan;
    private final Duration windowLength;
    /** The market resolvers of the plan's periods, each once. */
    private final List<MarketResolver> resolvers;

    /**
     * @param plan what is charged and what it costs, period by period
     * @param windowLength how long a customer's message keeps the window open
     */
    public ConversationEngine(PricingPlan plan, Duration windowLength) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.windowLength = Objects.requireNonNull(windowLength, "windowLength");
        if (windowLength.isNegative() || windowLength.isZero()) {
            throw new IllegalArgumentException("windowLength must be positive, was " + windowLength);
        }
        this.resolvers = plan.periods().stream().map(PricingPlan.Period::markets).distinct().toList();
    }

    public PricingPlan plan() {
        return plan;
    }

    /** The state of a conversation nothing has happened in. */
    public ConversationState initialState() {
        return ConversationState.of(Optional.empty(), plan.periods().get(0).model().initialState());
    }

    /**
     * The market {@code conversation} is priced in at {@code at}: the plan's period in force then says whose
     * country counts and how countries are grouped.
     */
    public String marketOf(ConversationKey conversation, Instant at) {
        return plan.at(at).markets().marketOf(conversation, at);
    }

    /**
     * The markets {@code conversation} is priced in under each of the plan's periods, found now: for a caller that
     * decides many events of the conversation and hands them to {@link #decide(ConversationState, Event, Usage,
     * ConversationMarkets)}.
     */
    public ConversationMarkets marketsOf(ConversationKey conversation) {
        return ConversationMarkets.of(conversation, resolvers);
    }

    /**
     * Decides {@code event} in a conversation whose state is {@code state}.
     *
     * @param usage the account's monthly counts, which the event's unit may count in
     * @throws dev.janela.core.ratecard.MissingPriceException if the event is charged and no price is found
     * @throws dev.janela.core.JanelaException if the event is charged and no rate card is in force at its time
     */
    public Decision decide(ConversationState state, Event event, Usage usage) {
        return decide(state, event, usage, ConversationMarkets.of(event.conversation(), List.of()));
    }

    /**
     * Decides {@code event} as {@link #decide(ConversationState, Event, Usage)} does, with the markets of its
     * conversation found beforehand ({@link #marketsOf}).
     *
     * @throws IllegalArgumentException if {@code markets} are another conversation's
     */
    public Decision decide(ConversationState state, Event event, Usage usage, ConversationMarkets markets) {
        return assess(state, event, markets).decide(usage);
    }

    /**
     * Decides {@code event} up to the account's monthly counts, which {@link Assessment#decide(Usage)} then
     * consults: for a caller that decides conversations apart and counts their units afterwards, in time order.
     *
     * @param markets the markets of the event's conversation ({@link #marketsOf})
     * @throws IllegalArgumentException if {@code markets} are another conversation's
     * @throws dev.janela.core.JanelaException if the event is charged and no rate card is in force at its time
     */
    public Assessment assess(ConversationState state, Event event, ConversationMarkets markets) {
        if (markets.conversation() != event.conversation() && !markets.conversation().equals(event.conversation())) {
            throw new IllegalArgumentException("the markets given are of another conversation than the event's");
        }
        Instant at = event.at();
        PricingPlan.Period period = plan.at(at);
        boolean windowOpen = state.isWindowOpenAt(at);
        if (event instanceof CustomerMessage) {
            Rating<?> rating = rate(period.model(), state.pricing(), event, windowOpen);
            // R1-R3: a customer's message opens the window, or renews it: max(expiry, message time + length)
            ConversationState next = state.withWindowRenewedUntil(at.plus(windowLength), rating.next());
            return assessed(next, rating, event, period, markets);
        }
        BusinessMessage message = (BusinessMessage) event;
        if (message instanceof FreeFormMessage && !windowOpen) {
            return Assessment.of(state, Outcome.REFUSED_OUTSIDE_WINDOW); // R8
        }
        if (message.failed()) {
            return Assessment.of(state, Outcome.NOT_DELIVERED); // R11
        }
        Rating<?> rating = rate(period.model(), state.pricing(), event, windowOpen);
        return assessed(state.withPricing(rating.next()), rating, event, period, markets);
    }

    /**
     * What {@code model} makes of an accepted event, from the state it takes over. Generic so that the stored state,
     * once taken over, has the model's own state type.
     */
    private static <S extends PricingState> Rating<S> rate(PricingModel<S> model, PricingState stored, Event event,
            boolean windowOpen) {
        S pricing = model.takeOver(stored);
        return event instanceof CustomerMessage message ? model.onCustomerMessage(pricing, message, windowOpen)
                : model.onDelivered(pricing, (BusinessMessage) event, windowOpen);
    }

    /**
     * R11: a business message accepted earlier was reported as failed. Its charge, if it had one, is reversed by a
     * new, negative row; whatever it opened ends.
     *
     * @param messageId the failed message's id
     * @param failedAt when the failure was reported
     * @param charge the message's charge, if it was charged
     * @return the new state, and the reversal row if there was a charge
     */
    public Decision onFailedAfterAcceptance(ConversationState state, String messageId, Instant failedAt,
            Optional<Charge> charge) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(failedAt, "failedAt");
        charge.ifPresent(original -> {
            if (!original.eventId().equals(messageId) || original.kind() != ChargeKind.CHARGE) {
                throw new IllegalArgumentException("charge " + original.cause() + " is not the charge of message "
                        + messageId);
            }
        });
        ConversationState next = state.withPricing(forget(plan.at(failedAt).model(), state.pricing(), messageId));
        return new Decision(next, Outcome.NOT_DELIVERED, charge.map(original -> original.reversal(failedAt)),
                Optional.empty());
    }

    /** What {@code model} remembers once the message {@code messageId} has failed, from the state it takes over. */
    private static <S extends PricingState> S forget(PricingModel<S> model, PricingState stored, String messageId) {
        return model.onFailedAfterAcceptance(model.takeOver(stored), messageId);
    }

    private Assessment assessed(ConversationState next, Rating<?> rating, Event event, PricingPlan.Period period,
            ConversationMarkets markets) {
        if (rating.unit().isEmpty()) {
            return Assessment.of(next, Outcome.ACCEPTED);
        }
        Unit unit = rating.unit().get();
        if (unit.free()) {
            return Assessment.of(next, event, period, unit, null, null);
        }
        Instant at = event.at();
        return Assessment.of(next, event, period, unit, markets.marketOf(period.markets(), at),
                unit.allowance().isPresent() ? plan.monthOf(at) : null);
    }
}
