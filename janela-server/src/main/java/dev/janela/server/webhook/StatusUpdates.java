package dev.janela.server.webhook;

import dev.janela.server.channel.Channel;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.message.MessageState;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Delivery reports, whoever makes them: Meta's status webhooks, or a connector that reports by itself (the
 * sandbox). One path, so that both are applied the same way.
 */
@Component
public class StatusUpdates {
    private final ConversationService conversations;

    StatusUpdates(ConversationService conversations) {
        this.conversations = conversations;
    }

    /**
     * Applies a report once, however often it comes.
     *
     * @param errorCode the platform's error code, for failures; null otherwise
     * @return whether it changed anything (a repeated or stale report does not)
     */
    public boolean apply(Channel channel, String wamid, MessageState state, Instant at, Integer errorCode) {
        return apply(channel, new ConversationService.StatusReport(wamid, state, at, errorCode));
    }

    /** Applies a report once, however often it comes; a report from Meta may also say how Meta priced it. */
    public boolean apply(Channel channel, ConversationService.StatusReport report) {
        return conversations.applyStatus(channel, report);
    }
}
