package dev.janela.core.session;

import dev.janela.core.pricing.PricingState;

/** The state of a conversation that has never had a session. */
public enum NoSession implements PricingState {
    INSTANCE
}
