/**
 * Conversations and their state, and the one place that decides their events: {@link
 * dev.janela.server.conversation.ConversationService} locks a conversation's row, asks the engine, and writes the
 * state, the message and the charge in the same transaction.
 */
package dev.janela.server.conversation;
