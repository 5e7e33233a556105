/**
 * Pricing plans: which pricing model, rate card and volume tiers apply from which date, so that traffic is priced
 * the way Meta priced it on each day, across its model changes.
 */
package dev.janela.core.plan;
