package dev.janela.core.session;

import dev.janela.core.pricing.PricingState;

/**
 * What the {@code session} model remembers of a conversation: its current {@link Session}, or {@link NoSession}
 * when it has never had one.
 */
public sealed interface SessionState extends PricingState permits Session, NoSession {
}
