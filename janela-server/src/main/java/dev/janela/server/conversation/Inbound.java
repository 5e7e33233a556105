package dev.janela.server.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's message, as a webhook brings it.
 *
 * @param waId the customer's number, digits only
 * @param at the message's own time (the webhook's {@code timestamp}), which the window is counted from (R9)
 * @param type its type as Meta names it ({@code text}, {@code image}...)
 * @param body its text, if it has one
 * @param referral whether the customer came from an ad or a page button (a free entry point)
 * @param profileName the name the customer's WhatsApp profile shows, if the webhook gave it
 */
public record Inbound(String wamid, String waId, Instant at, String type, Optional<String> body, boolean referral,
        Optional<String> profileName) {
    public Inbound {
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(waId, "waId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(profileName, "profileName");
    }
}
