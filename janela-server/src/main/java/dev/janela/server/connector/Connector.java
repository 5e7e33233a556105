package dev.janela.server.connector;

import dev.janela.server.channel.Channel;
import tools.jackson.databind.JsonNode;

/**
 * Hands messages the engine accepted to WhatsApp, after their transaction committed. What becomes of them comes
 * back as delivery reports, through the same code path as Meta's status webhooks.
 */
public interface Connector {
    /**
     * Whether a message to {@code customer} may be taken now, asked in the send's transaction before anything of it
     * is stored: a connector that could not take it (its queue would hold it too long) throws a refusal, and nothing
     * is stored or charged.
     */
    default void admit(Channel channel, String customer) {
    }

    /**
     * Takes a message the engine accepted, once {@linkplain #admit admitted}, in the transaction that stores it, so
     * that it is kept for delivery if and only if the message is.
     *
     * @param messageId the message's row
     * @param wamid the message's id
     * @param customer the recipient's handle: the phone number's digits, or a BSUID
     * @param request the send as the client wrote it, in Meta's Cloud API shape
     */
    default void accept(Channel channel, long messageId, String wamid, String customer, JsonNode request) {
    }

    /**
     * Delivers a message Janela accepted and stored, once the transaction that stored it has committed.
     *
     * @param wamid the message's id
     * @param customer the recipient's handle: the phone number's digits, or a BSUID
     */
    void deliver(Channel channel, String wamid, String customer);

    /**
     * Takes up, once Janela has started, what an earlier run accepted but did not see through (it stopped or crashed
     * between a send's commit and its delivery), in the background if it will; by default there is nothing to do.
     */
    default void resume() {
    }
}
