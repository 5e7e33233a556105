package dev.janela.core.engine;

import dev.janela.core.pricing.PricingState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Janela knows about one conversation after its last event: until when its window is open, and what the
 * pricing model remembers. Immutable.
 */
public final class ConversationState {
    /** Null while no customer message has ever opened the window. */
    private final Instant windowExpiresAt;
    private final PricingState pricing;

    private ConversationState(Instant windowExpiresAt, PricingState pricing) {
        // Not this.pricing = requireNonNull(pricing): its Object result is cast back to the PricingState interface.
        // A JDK 17 JVM remembers, per class, the one interface it last matched; the models' bridge methods cast the
        // same states to their own state interfaces, and replay threads alternating the two casts overwrite that
        // shared entry on every event (JDK-8180450), which made a 1M-event session replay about 9% slower.
        Objects.requireNonNull(pricing, "pricing");
        this.windowExpiresAt = windowExpiresAt;
        this.pricing = pricing;
    }

    /**
     * A state as stored: the window's expiry, if a customer ever wrote, and the pricing model's state.
     */
    public static ConversationState of(Optional<Instant> windowExpiresAt, PricingState pricing) {
        return new ConversationState(windowExpiresAt.orElse(null), pricing);
    }

    /** When the window closes (or closed); empty if the customer never wrote. */
    public Optional<Instant> windowExpiresAt() {
        return Optional.ofNullable(windowExpiresAt);
    }

    /** R9: the window is open at {@code at} iff {@code at} is before its expiry; at the expiry it is closed. */
    public boolean isWindowOpenAt(Instant at) {
        return windowExpiresAt != null && at.isBefore(windowExpiresAt);
    }

    public PricingState pricing() {
        return pricing;
    }

    ConversationState withWindowRenewedUntil(Instant expiry, PricingState next) {
        Instant renewed = windowExpiresAt == null || expiry.isAfter(windowExpiresAt) ? expiry : windowExpiresAt;
        return renewed.equals(windowExpiresAt) && next == pricing ? this : new ConversationState(renewed, next);
    }

    ConversationState withPricing(PricingState next) {
        return next == pricing ? this : new ConversationState(windowExpiresAt, next);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationState that && Objects.equals(windowExpiresAt, that.windowExpiresAt)
                && pricing.equals(that.pricing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(windowExpiresAt, pricing);
    }

    @Override
    public String toString() {
        return "ConversationState[windowExpiresAt=" + windowExpiresAt + ", pricing=" + pricing + "]";
    }
}
