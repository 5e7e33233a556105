package dev.janela.server.conversation;

import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.refusal.Refusal;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Messages whose send lost Meta's answer, for an operator: the account's list, and the operator's verdict on one
 * once checked (in Meta's tools, or with the customer). Janela never sends such a message again by itself.
 */
@Service
public class UnknownMessages {
    private final Messages messages;
    private final Channels channels;
    private final ConversationService conversations;
    private final Clock clock;

    UnknownMessages(Messages messages, Channels channels, ConversationService conversations, Clock clock) {
        this.messages = messages;
        this.channels = channels;
        this.conversations = conversations;
        this.clock = clock;
    }

    public List<Messages.Unknown> list(long accountId) {
        return messages.unknown(accountId);
    }

    /**
     * Settles an unknown message as the operator found it: {@code sent} (Meta has it) or {@code failed} (it never
     * reached Meta), which reverses its charge.
     *
     * @return the state it has now
     */
    public MessageState settle(long accountId, String phoneNumberId, String wamid, String verdict) {
        Channel channel = channels.find(accountId, phoneNumberId)
                .orElseThrow(() -> Refusal.notFound("channel " + phoneNumberId));
        MessageState state = switch (verdict == null ? "" : verdict) {
            case "sent" -> MessageState.SENT;
            case "failed" -> MessageState.FAILED;
            default -> throw Refusal.invalid("state", "is sent (Meta has it) or failed (it never reached Meta;"
                    + " its charge is reversed)");
        };
        boolean unknown = messages.find(channel.id(), wamid)
                .filter(message -> message.state() == MessageState.UNKNOWN).isPresent();
        if (!unknown) {
            throw Refusal.conflict("message " + wamid + " is not unknown; only an unknown message is settled by"
                    + " hand");
        }
        conversations.applyStatus(channel, StatusReport.of(wamid, state, clock.instant()));
        return state;
    }
}
