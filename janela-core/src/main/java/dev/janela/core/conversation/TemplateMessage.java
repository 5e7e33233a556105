package dev.janela.core.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * An approved template sent by the business; allowed whether or not the window is open.
 *
 * @param category the template's category in force when it was sent
 */
public record TemplateMessage(String id, Instant at, ConversationKey conversation, TemplateCategory category,
        boolean failed) implements BusinessMessage {
    public TemplateMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(category, "category");
    }
}
