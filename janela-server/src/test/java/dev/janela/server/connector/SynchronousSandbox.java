package dev.janela.server.connector;

import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.Messages;
import java.time.Clock;

/** The sandbox connector reporting on the sender's thread, so that a send's answer comes after its reports. */
public final class SynchronousSandbox {
    private SynchronousSandbox() {
    }

    /** A sandbox as a process starting makes it; its {@link Connector#resume} is done when it returns. */
    public static Connector create(ConversationService conversations, Messages messages, Channels channels,
            Clock clock) {
        return new SandboxConnector(conversations, messages, channels, clock, Runnable::run);
    }
}
