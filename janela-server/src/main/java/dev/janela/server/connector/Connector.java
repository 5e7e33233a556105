package dev.janela.server.connector;

import dev.janela.server.channel.Channel;

/**
 * Hands messages the engine accepted to WhatsApp, after their transaction committed. What becomes of them comes
 * back as delivery reports, through the same code path as Meta's status webhooks.
 */
public interface Connector {
    /**
     * Delivers a message Janela accepted and stored.
     *
     * @param wamid the message's id
     * @param waId the recipient, digits only
     */
    void deliver(Channel channel, String wamid, String waId);
}
