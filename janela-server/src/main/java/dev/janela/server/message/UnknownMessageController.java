package dev.janela.server.message;

import dev.janela.server.account.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.ConversationService.StatusReport;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiErrorCode;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import dev.janela.server.webhook.StatusUpdates;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Messages whose send lost Meta's answer: {@code GET /api/messages/unknown} lists them, flagged once past the
 * deadline; an operator who has checked one (in Meta's tools, or with the customer) settles it as {@code sent} or
 * {@code failed}, which reverses its charge. Janela never sends such a message again by itself.
 */
@RestController
class UnknownMessageController {
    private final Messages messages;
    private final Channels channels;
    private final StatusUpdates statuses;
    private final Clock clock;

    UnknownMessageController(Messages messages, Channels channels, StatusUpdates statuses, Clock clock) {
        this.messages = messages;
        this.channels = channels;
        this.statuses = statuses;
        this.clock = clock;
    }

    record UnknownList(List<Messages.Unknown> messages) {
    }

    /** An operator's verdict on an unknown message. */
    record Settlement(String state) {
    }

    /** The message settled, and the state it has now. */
    record Settled(String wamid, String state) {
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/messages/unknown")
    UnknownList unknown(HttpServletRequest http) {
        return new UnknownList(messages.unknown(Caller.of(http).accountId()));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/channels/{phoneNumberId}/messages/{wamid}/settlement")
    Settled settle(@PathVariable String phoneNumberId, @PathVariable String wamid,
            @RequestBody Settlement settlement, HttpServletRequest http) {
        long account = Caller.of(http).accountId();
        Channel channel = channels.find(account, phoneNumberId)
                .orElseThrow(() -> ApiException.notFound("channel " + phoneNumberId));
        MessageState state = switch (settlement.state() == null ? "" : settlement.state()) {
            case "sent" -> MessageState.SENT;
            case "failed" -> MessageState.FAILED;
            default -> throw ApiException.invalid(List.of(new FieldError("state", "is sent (Meta has it) or failed"
                    + " (it never reached Meta; its charge is reversed)")));
        };
        boolean unknown = messages.unknown(account).stream()
                .anyMatch(each -> each.wamid().equals(wamid) && each.phoneNumberId().equals(phoneNumberId));
        if (!unknown) {
            throw new ApiException(ApiErrorCode.CONFLICT, "message " + wamid + " is not unknown; only an unknown"
                    + " message is settled by hand");
        }
        statuses.apply(channel, new StatusReport(wamid, state, clock.instant(), null));
        return new Settled(wamid, state.wireName());
    }
}
