package dev.janela.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation's window as seen at one instant: whether free-form messages may be sent, until when, and what a
 * template would cost if sent then.
 *
 * @param at the instant this describes
 * @param open whether the window is open at {@code at}; free-form messages may be sent only then
 * @param expiresAt when the window closes (or closed); empty if the customer never wrote
 * @param left how long the window stays open; zero when it is closed
 * @param templateCost what a template sent at {@code at} would cost
 * @param replyCost what a free-form reply sent at {@code at} would cost; empty when the window is closed, since it
 *     would be refused
 */
public record WindowStatus(Instant at, boolean open, Optional<Instant> expiresAt, Duration left,
        TemplateCost templateCost, Optional<ReplyCost> replyCost) {
    public WindowStatus {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(templateCost, "templateCost");
        Objects.requireNonNull(replyCost, "replyCost");
    }
}
