package dev.janela.server.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: the account, the API token of an authenticated request (none for a user signed in to the web
 * pages), and the user it belongs to, if any.
 *
 * @param accountId the account whose objects the request may see
 * @param tokenId the token it presented; empty for a signed-in user's web session
 * @param userId the user the token belongs to; empty for an integration's token
 * @param role what the caller may do: the user's role as it is now, or the integration token's own
 * @param author who writes, as recorded on what the request writes: the user's e-mail address or the token's name
 */
public record Caller(long accountId, Optional<Long> tokenId, Optional<Long> userId, Role role, String author) {
    public Caller {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(author, "author");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether the caller is the user {@code id}. */
    public boolean is(long id) {
        return userId.isPresent() && userId.get() == id;
    }
}
