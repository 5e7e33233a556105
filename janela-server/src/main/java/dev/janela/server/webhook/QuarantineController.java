package dev.janela.server.webhook;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.web.Allowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/quarantine}, for admins: the webhook items Janela could never store (an id longer than its store
 * keeps, a NUL character, a shape it cannot read), each whole with the reason, newest first.
 */
@RestController
class QuarantineController {
    private final Quarantined quarantined;

    QuarantineController(Quarantined quarantined) {
        this.quarantined = quarantined;
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/quarantine")
    QuarantineView quarantine(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Caller caller) {
        return QuarantineView.of(quarantined.page(caller, cursor, limit));
    }
}
