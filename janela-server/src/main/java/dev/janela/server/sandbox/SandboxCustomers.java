package dev.janela.server.sandbox;

import dev.janela.core.phone.E164;
import dev.janela.core.phone.WrittenNumbers;
import dev.janela.server.access.Caller;
import dev.janela.server.channel.Channels;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Customers a person plays in the sandbox, writing to one of the account's channels now. */
@Service
class SandboxCustomers {
    private static final int MAX_TEXT = 4096;

    private final Channels channels;
    private final InboundMessages inbound;
    private final Clock clock;

    SandboxCustomers(Channels channels, InboundMessages inbound, Clock clock) {
        this.channels = channels;
        this.inbound = inbound;
        this.clock = clock;
    }

    /**
     * What the customer writes.
     *
     * @param from their number, as people write it
     * @param name the name their profile shows (default: their number)
     */
    record Written(String from, String text, String name) {
    }

    /** The message as it arrived: its id, and the customer's number, digits only. */
    record Received(String wamid, String waId) {
    }

    /** The customer writes to the channel {@code phoneNumberId}, as a signed webhook would bring it. */
    Received write(Caller caller, String phoneNumberId, Written message) {
        channels.find(caller.accountId(), phoneNumberId)
                .orElseThrow(() -> Refusal.notFound("channel " + phoneNumberId));
        List<FieldError> problems = new ArrayList<>();
        E164.Parsed from = WrittenNumbers.parse(message.from());
        if (!from.isValid()) {
            problems.add(new FieldError("from", from.problem()));
        }
        String text = message.text() == null ? "" : message.text();
        if (text.isBlank() || text.length() > MAX_TEXT) {
            problems.add(new FieldError("text", "is required: up to " + MAX_TEXT + " characters"));
        }
        Refusal.requireNone(problems);
        String waId = Long.toString(from.digits());
        String name = message.name() == null || message.name().isBlank() ? "+" + waId : message.name().strip();
        return new Received(inbound.receive(phoneNumberId, waId, name, text, clock.instant()), waId);
    }
}
