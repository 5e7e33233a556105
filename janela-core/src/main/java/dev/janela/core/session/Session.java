package dev.janela.core.session;

import java.time.Instant;
import java.util.Objects;

/**
 * The current session of a conversation under the {@code session} model, as its last event left it. Its status at
 * a later instant depends on the window and the reply grace: see {@link SessionModel#statusAt}.
 *
 * @param type who started it
 * @param status its status as of its last event
 * @param openedAt when it started: the customer's message, or the template
 * @param openedBy the id of the event that started it (and was charged for it)
 */
public record Session(SessionType type, SessionStatus status, Instant openedAt, String openedBy)
        implements SessionState {
    public Session {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(openedBy, "openedBy");
    }

    Session withStatus(SessionStatus newStatus) {
        return new Session(type, newStatus, openedAt, openedBy);
    }
}
