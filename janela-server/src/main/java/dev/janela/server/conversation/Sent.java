package dev.janela.server.conversation;

import dev.janela.core.ledger.Charge;
import java.time.Instant;
import java.util.Optional;

/**
 * What a send was given: its row's id and its message id, its charge if it started a session, and the customer it went
 * to.
 */
public record Sent(long id, String wamid, Instant at, Optional<Charge> charge, Customer customer) {
}
