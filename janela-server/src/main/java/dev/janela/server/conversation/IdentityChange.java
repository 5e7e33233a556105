package dev.janela.server.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta's report that a customer changed their phone number ({@code user_changed_number}) or their business-scoped
 * user ID changed ({@code user_changed_user_id}): the same person, now known by new identifiers.
 *
 * @param wamid the system message's id
 * @param previous what the customer was known by
 * @param changed the new phone number, BSUID or parent BSUID; those absent stay as they were
 * @param kind Meta's {@code system.type}
 * @param body Meta's sentence about the change, if it gave one
 */
public record IdentityChange(String wamid, CustomerIds previous, Changed changed, Instant at, String kind,
        Optional<String> body) {
    public IdentityChange {
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }

    /** The identifiers a change gives; at least one is present. */
    public record Changed(Optional<String> phone, Optional<String> userId, Optional<String> parentUserId) {
        public Changed {
            if (phone.isEmpty() && userId.isEmpty() && parentUserId.isEmpty()) {
                throw new IllegalArgumentException("a change needs a new phone number or BSUID");
            }
        }
    }
}
