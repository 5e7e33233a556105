package dev.janela.core.meta;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation Meta's conversation-based models opened.
 *
 * @param expiresAt when it closes: 24 hours (72 for a free entry point) after the message that opened it
 * @param openedBy the id of that message
 */
public record OpenConversation(Instant expiresAt, String openedBy) {
    public OpenConversation {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(openedBy, "openedBy");
    }

    /** Whether it is still open at {@code at}; at its expiry it is closed. */
    public boolean isOpenAt(Instant at) {
        return at.isBefore(expiresAt);
    }
}
