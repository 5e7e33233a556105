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
 * @param customer the customer, with every identifier it is known by
 * @param key the channel's number and the customer's handle
 * @param state what the engine knows of it
 */
public record StoredConversation(long id, Channel channel, Customer customer, ConversationKey key,
        ConversationState state) {
    public StoredConversation {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
    }

    public long customerId() {
        return customer.id();
    }

    public long accountId() {
        return channel.accountId();
    }
}
