package dev.janela.server.conversation;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.Allowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET}, {@code PATCH /api/settings}: how the account treats its customers. {@code
 * identity_change_keeps_window} says whether a customer's open window carries on when Meta reports their new number
 * or BSUID; Meta does not say whether it does, so the account decides (true by default).
 */
@RestController
class SettingsController {
    private static final String KEEPS_WINDOW = "identity_change_keeps_window";

    private final IdentitySettings settings;

    SettingsController(IdentitySettings settings) {
        this.settings = settings;
    }

    /** The account's settings. */
    record SettingsView(boolean identityChangeKeepsWindow) {
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/settings")
    SettingsView settings(Caller caller) {
        return new SettingsView(settings.changeKeepsWindow(caller.accountId()));
    }

    @Allowed({Role.ADMIN})
    @PatchMapping("/api/settings")
    SettingsView change(@RequestBody JsonNode body, Caller caller) {
        JsonNode keeps = body.path(KEEPS_WINDOW);
        if (!keeps.isMissingNode() && !keeps.isBoolean()) {
            throw Refusal.invalid(KEEPS_WINDOW, "must be true or false");
        }
        if (keeps.isBoolean()) {
            settings.setChangeKeepsWindow(caller.accountId(), keeps.asBoolean());
        }
        return settings(caller);
    }
}
