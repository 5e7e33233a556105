package dev.janela.server.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to record, in either direction.
 *
 * @param type {@code template}, or the free-form type
 * @param template the template it was made from, if any
 * @param body its text, if it has one
 * @param author who sent it: a user's address or a token's name for outbound messages; empty for the customer's
 * @param at when it was sent
 * @param priced how Janela priced it
 * @param businessInitiated whether it is a template sent while the customer's window was closed: what Meta's messaging
 *     limit counts
 * @param referral whether it is a customer's message that came from an ad or a Page button (a free entry point)
 */
record NewMessage(String wamid, Direction direction, String type, Optional<Outbound.TemplateRef> template,
        Optional<String> body, MessageState state, Optional<String> author, Instant at, Priced priced,
        boolean businessInitiated, boolean referral) {
    NewMessage {
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(priced, "priced");
    }

    /** A customer's message, received. */
    static NewMessage received(Inbound message, Priced priced) {
        return new NewMessage(message.wamid(), Direction.IN, message.type(), Optional.empty(), message.body(),
                MessageState.RECEIVED, Optional.empty(), message.at(), priced, false, message.referral());
    }

    /** A business message, accepted and waiting to be sent; {@code windowOpen} at {@code at}. */
    static NewMessage accepted(String wamid, Outbound message, String author, Instant at, Priced priced,
            boolean windowOpen) {
        return new NewMessage(wamid, Direction.OUT, message.type(), message.template(), message.body(),
                MessageState.PENDING, Optional.of(author), at, priced, message.template().isPresent() && !windowOpen,
                false);
    }
}
