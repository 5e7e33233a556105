package dev.janela.server.inbox;

import java.time.Duration;
import java.time.Instant;

/**
 * A conversation's window as its badge shows it: {@code open} with the seconds left by the server's clock (the page
 * counts down from there), {@code pending} while a business-initiated session waits for the customer's reply, or
 * {@code closed}.
 */
public record WindowBadge(String state, long secondsLeft) {
    static WindowBadge of(boolean open, Instant expiresAt, String sessionStatus, Instant now) {
        if (open) {
            return new WindowBadge("open", Math.max(0, Duration.between(now, expiresAt).toSeconds()));
        }
        return new WindowBadge("pending".equals(sessionStatus) ? "pending" : "closed", 0);
    }
}
