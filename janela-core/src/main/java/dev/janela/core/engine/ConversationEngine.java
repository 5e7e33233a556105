package dev.janela.core.engine;

import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.ledger.Charge;
import dev.janela.core.ledger.ChargeKind;
import dev.janela.core.pricing.PricingModel;
import dev.janela.core.pricing.Rating;
import dev.janela.core.ratecard.Price;
import dev.janela.core.ratecard.PriceBook;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides every event of a conversation: whether it may happen, how it changes the conversation's state, and what
 * it costs. The window logic is here, common to every pricing model; what is charged is the model's to say, and
 * the price is the price book's.
 *
 * <p>The engine is a pure function of the state and the event: it keeps nothing between calls, takes every time
 * from the event (R9: never from when a late event is processed), and is thread-safe. Callers serialise the events
 * of one conversation, apply them in time order, and drop events whose id they have already seen (R12).
 */
public final class ConversationEngine {
    private final PricingModel model;
    private final PriceBook prices;
    private final Duration windowLength;

    /**
     * @param model what is charged
     * @param prices what it costs
     * @param windowLength how long a customer's message keeps the window open
     */
    public ConversationEngine(PricingModel model, PriceBook prices, Duration windowLength) {
        this.model = Objects.requireNonNull(model, "model");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.windowLength = Objects.requireNonNull(windowLength, "windowLength");
        if (windowLength.isNegative() || windowLength.isZero()) {
            throw new IllegalArgumentException("windowLength must be positive, was " + windowLength);
        }
    }

    public PricingModel model() {
        return model;
    }

    public PriceBook prices() {
        return prices;
    }

    /** The state of a conversation nothing has happened in. */
    public ConversationState initialState() {
        return ConversationState.of(Optional.empty(), model.initialState());
    }

    /**
     * Decides {@code event} in a conversation whose state is {@code state}.
     *
     * @param market the market the conversation is priced in
     * @throws dev.janela.core.ratecard.MissingPriceException if the event is charged and no price is found
     * @throws dev.janela.core.JanelaException if the event is charged and no rate card is in force at its time
     */
    public Decision decide(ConversationState state, Event event, String market) {
        Instant at = event.at();
        boolean windowOpen = state.isWindowOpenAt(at);
        if (event instanceof CustomerMessage message) {
            Rating rating = model.onCustomerMessage(state.pricing(), message, windowOpen);
            // R1-R3: a customer's message opens the window, or renews it: max(expiry, message time + length)
            ConversationState next = state.withWindowRenewedUntil(at.plus(windowLength), rating.next());
            return new Decision(next, Outcome.ACCEPTED, charge(rating, event, market));
        }
        BusinessMessage message = (BusinessMessage) event;
        if (message instanceof FreeFormMessage && !windowOpen) {
            return new Decision(state, Outcome.REFUSED_OUTSIDE_WINDOW, Optional.empty()); // R8
        }
        if (message.failed()) {
            return new Decision(state, Outcome.NOT_DELIVERED, Optional.empty()); // R11: never charged
        }
        Rating rating = model.onDelivered(state.pricing(), message, windowOpen);
        return new Decision(state.withPricing(rating.next()), Outcome.ACCEPTED, charge(rating, event, market));
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
        ConversationState next = state.withPricing(model.onFailedAfterAcceptance(state.pricing(), messageId));
        return new Decision(next, Outcome.NOT_DELIVERED, charge.map(original -> original.reversal(failedAt)));
    }

    private Optional<Charge> charge(Rating rating, Event event, String market) {
        if (rating.charge().isEmpty()) {
            return Optional.empty();
        }
        var category = rating.charge().get();
        Price price = prices.price(market, category, event.at());
        return Optional.of(new Charge(event.id(), event.at(), event.conversation(), market, category, price.amount(),
                price.rateCardVersion(), ChargeKind.CHARGE));
    }
}
