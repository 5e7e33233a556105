package dev.janela.core.engine;

import dev.janela.core.ledger.Charge;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's decision on one event.
 *
 * @param next the conversation's state afterwards (the same state when nothing changed)
 * @param outcome what became of the event
 * @param charge the ledger row the event causes, if any
 */
public record Decision(ConversationState next, Outcome outcome, Optional<Charge> charge) {
    public Decision {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(charge, "charge");
    }
}
