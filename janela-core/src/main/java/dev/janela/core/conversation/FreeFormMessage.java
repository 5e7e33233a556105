package dev.janela.core.conversation;

import java.time.Instant;
import java.util.Objects;

/** A free-form business message (text, media, interactive, location...); allowed only while the window is open. */
public record FreeFormMessage(String id, Instant at, ConversationKey conversation, boolean failed)
        implements BusinessMessage {
    public FreeFormMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(conversation, "conversation");
    }
}
