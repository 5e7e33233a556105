package dev.janela.core.pricing;

/**
 * What a pricing model remembers about one conversation (its sessions or open conversations). Each model defines
 * its own immutable implementation; the engine stores it and hands it back, never looking inside.
 */
public interface PricingState {
}
