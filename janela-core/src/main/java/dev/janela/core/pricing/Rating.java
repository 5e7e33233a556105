package dev.janela.core.pricing;

import java.util.Objects;
import java.util.Optional;

/**
 * A model's verdict on one accepted event: what it now remembers, and the unit it bills, if any.
 *
 * @param next the conversation's pricing state after the event
 * @param unit the unit the event makes, charged or free; empty when it makes none (a customer's message, a message
 *     inside a conversation already paid for)
 */
public record Rating(PricingState next, Optional<Unit> unit) {
    public Rating {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(unit, "unit");
    }

    /** The event makes no unit and leaves {@code next}. */
    public static Rating none(PricingState next) {
        return new Rating(next, Optional.empty());
    }

    /** The event makes {@code unit} and leaves {@code next}. */
    public static Rating of(PricingState next, Unit unit) {
        return new Rating(next, Optional.of(unit));
    }

    /** The event is charged as {@code category} and leaves {@code next}. */
    public static Rating charged(PricingState next, Category category) {
        return of(next, Unit.charged(category));
    }
}
