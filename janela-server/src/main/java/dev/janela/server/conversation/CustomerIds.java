package dev.janela.server.conversation;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.customer.Bsuid;
import dev.janela.core.phone.E164;
import dev.janela.server.refusal.Refusal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a webhook or a send names a customer by: a phone number (digits, as Meta's {@code wa_id}), a business-scoped
 * user ID, a parent BSUID and a username, any of them absent. At least one of the first three is present.
 */
public record CustomerIds(Optional<String> phone, Optional<String> userId, Optional<String> parentUserId,
        Optional<String> username) {
    public CustomerIds {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(parentUserId, "parentUserId");
        Objects.requireNonNull(username, "username");
        if (phone.isEmpty() && userId.isEmpty() && parentUserId.isEmpty()) {
            throw new IllegalArgumentException("a customer needs a phone number or a business-scoped user ID");
        }
    }

    /** A customer known by a {@linkplain #handle handle}: a phone number's digits, or a BSUID or parent BSUID. */
    public static CustomerIds of(String handle) {
        if (!Bsuid.looksLikeOne(handle)) {
            return new CustomerIds(Optional.of(handle), Optional.empty(), Optional.empty(), Optional.empty());
        }
        boolean parent = Bsuid.isParent(handle);
        return new CustomerIds(Optional.empty(), parent ? Optional.empty() : Optional.of(handle),
                parent ? Optional.of(handle) : Optional.empty(), Optional.empty());
    }

    /**
     * The key of the business number {@code channelNumber} and the customer {@code handle} names: the customer as a
     * phone number in E.164 with {@code +}, or as the BSUID of a customer whose number is not known.
     */
    public static ConversationKey conversationKey(String channelNumber, String handle) {
        return new ConversationKey(channelNumber, Bsuid.looksLikeOne(handle) ? handle : "+" + handle);
    }

    /**
     * How a person reads who the customer {@code handle} names, beside their name: the number with {@code +}, else
     * their username, else their BSUID.
     */
    public static String shown(String handle, Optional<String> username) {
        return Bsuid.looksLikeOne(handle) ? username.orElse(handle) : "+" + handle;
    }

    /**
     * The identifier {@code written} names a customer by, as the API takes it: a phone number's digits, or a BSUID or
     * parent BSUID as written.
     *
     * @param field the field or path segment that holds it, named in a refusal
     * @throws Refusal when it is neither a phone number nor a BSUID
     */
    public static String identifier(String field, String written) {
        if (Bsuid.looksLikeOne(written)) {
            Bsuid.problem(written).ifPresent(problem -> {
                throw Refusal.invalid(field, problem);
            });
            return written;
        }
        E164.Parsed number = E164.parse(written);
        if (!number.isValid()) {
            throw Refusal.invalid(field, number.problem());
        }
        return Long.toString(number.digits());
    }

    /**
     * The one string conversations' keys and the ledger name the customer by: the phone number's digits when known,
     * else the BSUID, else the parent BSUID.
     */
    public String handle() {
        return phone.or(() -> userId).or(() -> parentUserId).orElseThrow();
    }
}
