package dev.janela.server.sandbox;

import dev.janela.core.customer.Bsuid;
import dev.janela.core.phone.E164;
import dev.janela.core.phone.WrittenNumbers;
import dev.janela.server.access.Caller;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.Customers;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Fields;
import dev.janela.server.refusal.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Customers a person plays in the sandbox, writing to one of the account's channels now. */
@Service
class SandboxCustomers {
    private static final int MAX_TEXT = 4096;
    private static final int MAX_USERNAME = 100;

    private final Channels channels;
    private final InboundMessages inbound;
    private final Customers customers;
    private final Clock clock;

    SandboxCustomers(Channels channels, InboundMessages inbound, Customers customers, Clock clock) {
        this.channels = channels;
        this.inbound = inbound;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * What the customer writes.
     *
     * @param from their number, as people write it; or, for a customer who hides their number behind a username,
     *     absent or their business-scoped user ID
     * @param userId their business-scoped user ID, if Meta gives one ({@code BR.1502512345678901})
     * @param username the username they adopted, if any
     * @param name the name their profile shows (default: the name it showed last, else their number, else their
     *     username)
     */
    record Written(String from, String userId, String username, String text, String name) {
    }

    /**
     * The message as it arrived: its id, and what the webhook named the customer by.
     *
     * @param waId the customer's number, digits only; null when the webhook gave none
     * @param userId the customer's BSUID; null when the webhook gave none
     */
    record Received(String wamid, String waId, String userId) {
        /** What the customer's conversation is found by. */
        String identifier() {
            return waId != null ? waId : userId;
        }
    }

    /** The customer writes to the channel {@code phoneNumberId}, as a signed webhook would bring it. */
    Received write(Caller caller, String phoneNumberId, Written message) {
        channels.find(caller.accountId(), phoneNumberId)
                .orElseThrow(() -> Refusal.notFound("channel " + phoneNumberId));
        List<FieldError> problems = new ArrayList<>();
        String from = message.from() == null ? "" : message.from().strip();
        String userId = message.userId() == null ? "" : message.userId().strip();
        if (Bsuid.looksLikeOne(from) && userId.isEmpty()) {
            userId = from;
            from = "";
        }
        E164.Parsed number = WrittenNumbers.parse(from);
        if (from.isEmpty() && userId.isEmpty()) {
            problems.add(new FieldError("from", "is required: the customer's number, or their business-scoped user"
                    + " ID (user_id) if they hide their number behind a username"));
        } else if (!from.isEmpty() && !number.isValid()) {
            problems.add(new FieldError("from", number.problem()));
        }
        Optional<String> bsuidProblem = userId.isEmpty() ? Optional.empty() : Bsuid.problem(userId);
        bsuidProblem.ifPresent(problem -> problems.add(new FieldError("user_id", problem)));
        String username = message.username() == null ? "" : message.username().strip();
        if (username.length() > MAX_USERNAME) {
            problems.add(new FieldError("username", "has " + username.length() + " characters; at most "
                    + MAX_USERNAME));
        }
        String text = message.text() == null ? "" : message.text();
        Fields.requireText("text", text, MAX_TEXT, problems);
        Refusal.requireNone(problems);
        Optional<String> waId = from.isEmpty() ? Optional.empty() : Optional.of(Long.toString(number.digits()));
        Optional<String> bsuid = Optional.of(userId).filter(id -> !id.isEmpty());
        Optional<String> handle = Optional.of(username).filter(name -> !name.isEmpty());
        String name = message.name() == null || message.name().isBlank()
                ? waId.or(() -> bsuid).flatMap(id -> customers.name(caller.accountId(), id))
                        .or(() -> waId.map(digits -> "+" + digits)).or(() -> handle).orElseGet(bsuid::orElseThrow)
                : message.name().strip();
        String wamid = inbound.receive(phoneNumberId, new InboundMessages.Sender(waId, bsuid, handle, name), text,
                clock.instant());
        return new Received(wamid, waId.orElse(null), bsuid.orElse(null));
    }
}
