package dev.janela.core.pricing;

import java.util.Objects;
import java.util.Optional;

/**
 * A model's verdict on one accepted event: what it now remembers, and the category to charge, if any.
 *
 * @param next the conversation's pricing state after the event
 * @param charge the category of the charge the event causes; empty when it is free
 */
public record Rating(PricingState next, Optional<Category> charge) {
    public Rating {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(charge, "charge");
    }

    /** The event costs nothing and leaves {@code next}. */
    public static Rating free(PricingState next) {
        return new Rating(next, Optional.empty());
    }

    /** The event is charged as {@code category} and leaves {@code next}. */
    public static Rating charged(PricingState next, Category category) {
        return new Rating(next, Optional.of(category));
    }
}
