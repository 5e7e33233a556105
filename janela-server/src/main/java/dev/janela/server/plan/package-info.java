/**
 * Accounts' pricing plans: which model prices their traffic from when, their billing time zone and volume tiers,
 * and the monthly counts Meta's free tiers and volume tiers depend on.
 */
package dev.janela.server.plan;
