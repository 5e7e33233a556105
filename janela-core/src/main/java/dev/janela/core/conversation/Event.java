package dev.janela.core.conversation;

import java.time.Instant;

/**
 * Something that happened in a conversation, as the engine rates it. Events are identified by their id (the
 * {@code wamid} for WhatsApp messages); the engine takes times from the event, never from a clock.
 */
public sealed interface Event permits CustomerMessage, BusinessMessage {
    /** The event's id; a second event with an id already seen changes nothing. */
    String id();

    /** When it happened: the webhook's timestamp, or the time of the send. */
    Instant at();

    ConversationKey conversation();
}
