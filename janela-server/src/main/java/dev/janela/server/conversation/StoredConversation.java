package dev.janela.server.conversation;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.engine.ConversationState;
import dev.janela.server.channel.Channel;
import java.util.Objects;

/**
 * A conversation as read under its row lock: its ids, its key, and the engine's state.
 *
 * @param id the conversation's id
 * @param channel its channel
 * @param customerId the customer's id
 * @param key the numbers of channel and customer
 * @param state what the engine knows of it
 */
public record StoredConversation(long id, Channel channel, long customerId, ConversationKey key,
        ConversationState state) {
    public StoredConversation {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
    }

    public long accountId() {
        return channel.accountId();
    }
}
