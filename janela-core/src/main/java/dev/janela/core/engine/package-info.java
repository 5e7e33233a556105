/**
 * The one engine every decision about a conversation goes through, whether it comes from a webhook, the send API,
 * the inbox or a replay. It owns the window logic common to all pricing models (a customer's message opens or renews
 * the window; free-form messages are refused outside it) and asks the pricing model what the accepted events cost.
 */
package dev.janela.core.engine;
