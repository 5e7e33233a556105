package dev.janela.server.access;

import java.util.Optional;

/** Who holds a bearer token: the port through which the API's requests are authenticated. */
public interface BearerTokens {
    /** The caller {@code token} identifies, if it is registered, not revoked, and its user not removed. */
    Optional<Caller> callerOf(String token);
}
