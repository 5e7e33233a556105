package dev.janela.server.webhook;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /quarantine}, for admins: the webhook items Janela could never store, as the API lists them. */
@WebPages
class QuarantinePages {
    private final Quarantined quarantined;

    QuarantinePages(Quarantined quarantined) {
        this.quarantined = quarantined;
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/quarantine")
    String quarantine(@RequestParam(required = false) String cursor, Caller caller, Model model) {
        model.addAttribute("page", QuarantineView.of(quarantined.page(caller, cursor, null)));
        return "quarantine";
    }
}
