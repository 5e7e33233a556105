/**
 * Janela as a service: Meta's webhooks in, Cloud-API-compatible sends out, the operator API, and the state of every
 * conversation and the ledger kept in a database. Every decision about a conversation goes through the core's
 * {@link dev.janela.core.engine.ConversationEngine}, inside one transaction that locks the conversation's row.
 */
package dev.janela.server;
