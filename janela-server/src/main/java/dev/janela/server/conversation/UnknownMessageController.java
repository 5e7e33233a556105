package dev.janela.server.conversation;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.web.Allowed;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/messages/unknown}: messages whose send lost Meta's answer, flagged once past the deadline; and an
 * admin's verdict on one, {@code sent} or {@code failed}.
 */
@RestController
class UnknownMessageController {
    private final UnknownMessages unknown;

    UnknownMessageController(UnknownMessages unknown) {
        this.unknown = unknown;
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
    UnknownList unknown(Caller caller) {
        return new UnknownList(unknown.list(caller.accountId()));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/channels/{phoneNumberId}/messages/{wamid}/settlement")
    Settled settle(@PathVariable String phoneNumberId, @PathVariable String wamid,
            @RequestBody Settlement settlement, Caller caller) {
        return new Settled(wamid, unknown.settle(caller.accountId(), phoneNumberId, wamid,
                settlement.state()).wireName());
    }
}
