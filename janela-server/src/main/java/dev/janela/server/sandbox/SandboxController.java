package dev.janela.server.sandbox;

import dev.janela.core.phone.E164;
import dev.janela.server.account.Role;
import dev.janela.server.channel.Channels;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import dev.janela.server.web.WrittenNumbers;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sandbox/{phone_number_id}/inbound}: play a customer writing to one of the account's channels. */
@RestController
class SandboxController {
    private static final int MAX_TEXT = 4096;

    private final Channels channels;
    private final InboundMessages inbound;
    private final Clock clock;

    SandboxController(Channels channels, InboundMessages inbound, Clock clock) {
        this.channels = channels;
        this.inbound = inbound;
        this.clock = clock;
    }

    /** What the customer writes; {@code name} is the name their profile shows (default: their number). */
    record Inbound(String from, String text, String name) {
    }

    record Received(String wamid, String waId) {
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/sandbox/{phoneNumberId}/inbound")
    @ResponseStatus(HttpStatus.CREATED)
    Received receive(@PathVariable String phoneNumberId, @RequestBody Inbound request, HttpServletRequest http) {
        channels.find(Caller.of(http).accountId(), phoneNumberId)
                .orElseThrow(() -> ApiException.notFound("channel " + phoneNumberId));
        List<FieldError> problems = new ArrayList<>();
        E164.Parsed from = WrittenNumbers.parse(request.from());
        if (!from.isValid()) {
            problems.add(new FieldError("from", from.problem()));
        }
        String text = request.text() == null ? "" : request.text();
        if (text.isBlank() || text.length() > MAX_TEXT) {
            problems.add(new FieldError("text", "is required: up to " + MAX_TEXT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String waId = Long.toString(from.digits());
        String name = request.name() == null || request.name().isBlank() ? "+" + waId : request.name().strip();
        return new Received(inbound.receive(phoneNumberId, waId, name, text, clock.instant()), waId);
    }
}
