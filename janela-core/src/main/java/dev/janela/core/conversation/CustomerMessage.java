package dev.janela.core.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A message from the customer to the business, of any type.
 *
 * @param referral whether the customer arrived from a click-to-WhatsApp ad or a page button (a free entry point
 *     under Meta's models)
 */
public record CustomerMessage(String id, Instant at, ConversationKey conversation, boolean referral)
        implements Event {
    public CustomerMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(conversation, "conversation");
    }
}
