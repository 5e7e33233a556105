package dev.janela.server.conversation;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.Allowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/channels/{phone_number_id}/conversations/{wa_id}/window}: is the window open now, until when, in
 * which session, what may be sent, and what a template would cost if sent now ({@link Windows}).
 */
@RestController
class WindowController {
    private final Channels channels;
    private final Windows windows;

    WindowController(Channels channels, Windows windows) {
        this.channels = channels;
        this.windows = windows;
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/channels/{phoneNumberId}/conversations/{waId}/window")
    Windows.WindowView window(@PathVariable String phoneNumberId, @PathVariable String waId,
            @RequestParam(name = "category", defaultValue = "utility") String category, Caller caller) {
        Channel channel = channels.find(caller.accountId(), phoneNumberId)
                .orElseThrow(() -> Refusal.notFound("channel " + phoneNumberId));
        String customer = CustomerIds.identifier("wa_id", waId);
        TemplateCategory templateCategory = TemplateCategory.fromWireName(category).orElseThrow(() ->
                Refusal.invalid("category", "'" + category + "' is not a template category; one of "
                        + String.join(", ", TemplateCategory.wireNames())));
        return windows.now(channel, customer, templateCategory);
    }
}
