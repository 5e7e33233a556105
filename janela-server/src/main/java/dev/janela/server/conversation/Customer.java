package dev.janela.server.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * A customer of an account as stored: its id, its {@linkplain CustomerIds#handle handle}, and every identifier it is
 * known by.
 */
public record Customer(long id, String handle, Optional<String> phone, Optional<String> userId,
        Optional<String> parentUserId, Optional<String> username) {
    public Customer {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(parentUserId, "parentUserId");
        Objects.requireNonNull(username, "username");
    }

    /** Whether the customer would still be known by something without its phone number. */
    boolean knownWithoutPhone() {
        return userId.isPresent() || parentUserId.isPresent();
    }

    /** Whether the customer would still be known by something without its parent BSUID. */
    boolean knownWithoutParentUserId() {
        return phone.isPresent() || userId.isPresent();
    }
}
