package dev.janela.core.pricing;

import java.util.Objects;
import java.util.Optional;

/**
 * A model's verdict on one accepted event: what it now remembers, and the unit it bills, if any.
 *
 * @param next the conversation's pricing state after the event
 * @param unit the unit the event makes, charged or free; empty when it makes none (a customer's message, a message
 *     inside a conversation already paid for)
 * @param <S> the type of the model's states
 */
public record Rating<S extends PricingState>(S next, Optional<Unit> unit) {
    public Rating {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(unit, "unit");
    }

    /** The event makes no unit and leaves {@code next}. */
    public static <S extends PricingState> Rating<S> none(S next) {
        return new Rating<>(next, Optional.empty());
    }

    /** The event makes {@code unit} and leaves {@code next}. */
    public static <S extends PricingState> Rating<S> of(S next, Unit unit) {
        return new Rating<>(next, Optional.of(unit));
    }

    /** The event is charged as {@code category} and leaves {@code next}. */
    public static <S extends PricingState> Rating<S> charged(S next, Category category) {
        return of(next, Unit.charged(category));
    }
}
