package dev.janela.core.engine;

import dev.janela.core.ledger.Charge;
import dev.janela.core.pricing.Category;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's decision on one event.
 *
 * @param next the conversation's state afterwards (the same state when nothing changed)
 * @param outcome what became of the event
 * @param charge the ledger row the event causes, if any
 * @param free the category of the free unit the event makes (a free entry point, a free service message...), if
 *     it makes one; a free unit has no ledger row
 * @param counted the monthly allowance the event's unit was counted in, if it was: free or charged, it used one of
 *     the month's units
 */
public record Decision(ConversationState next, Outcome outcome, Optional<Charge> charge, Optional<Category> free,
        Optional<AllowanceUse> counted) {
    public Decision {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(counted, "counted");
        if (charge.isPresent() && free.isPresent()) {
            throw new IllegalArgumentException("an event makes a charge or a free unit, not both");
        }
    }

    /** A decision whose unit, if any, counted in no allowance. */
    public Decision(ConversationState next, Outcome outcome, Optional<Charge> charge, Optional<Category> free) {
        this(next, outcome, charge, free, Optional.empty());
    }
}
