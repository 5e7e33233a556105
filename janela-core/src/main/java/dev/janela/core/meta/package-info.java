/**
 * Meta's pricing models, each as it was from its date: {@code cbp-2022} (user- and business-initiated
 * conversations), {@code cbp-2023} (conversations per category) and {@code pmp-2025} (per delivered template).
 * Each decides, for the messages of one conversation, which are billable units and of which category; the monthly
 * free tiers and volume tiers are counted per account by the engine.
 */
package dev.janela.core.meta;
