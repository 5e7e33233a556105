package dev.janela.server.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's message, or a customer's call (type {@code call}), as a webhook brings it.
 *
 * @param wamid the message's id, or the call's
 * @param customer what the webhook names the customer by
 * @param at the message's own time (the webhook's {@code timestamp}), which the window is counted from (R9)
 * @param type its type as Meta names it ({@code text}, {@code image}...), or {@code call}
 * @param body its text, if it has one
 * @param referral whether the customer came from an ad or a page button (a free entry point)
 * @param profileName the name the customer's WhatsApp profile shows, if the webhook gave it
 */
public record Inbound(String wamid, CustomerIds customer, Instant at, String type, Optional<String> body,
        boolean referral, Optional<String> profileName) {
    public Inbound {
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(profileName, "profileName");
    }

    /** The type of a customer's call, which opens or refreshes the window as a message does. */
    public static final String CALL = "call";
    /** The type of Meta's system messages: a customer's change of number or BSUID, not a message they wrote. */
    public static final String SYSTEM = "system";
}
