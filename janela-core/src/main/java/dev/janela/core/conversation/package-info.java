/**
 * What happens between a business number and a customer: the conversation's key and the events that the engine
 * rates (a customer's message, a business's template or free-form message).
 */
package dev.janela.core.conversation;
