package dev.janela.server.connector;

import dev.janela.server.conversation.ConversationService;
import java.time.Clock;

/** The sandbox connector reporting on the sender's thread, so that a send's answer comes after its reports. */
public final class SynchronousSandbox {
    private SynchronousSandbox() {
    }

    public static Connector create(ConversationService conversations, Clock clock) {
        return new SandboxConnector(conversations, clock, Runnable::run);
    }
}
