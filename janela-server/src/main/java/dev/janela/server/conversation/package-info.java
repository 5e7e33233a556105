/**
 * Conversations, their messages both ways and their delivery states, their windows, and the one place that decides
 * their events: {@link dev.janela.server.conversation.ConversationService} locks a conversation's row, asks the
 * engine, and writes the state, the message and the charge in the same transaction, whether the event is a customer's
 * message, a send, or a delivery report.
 */
package dev.janela.server.conversation;
