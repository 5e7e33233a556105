package dev.janela.server.account;

import java.time.Instant;

/** A token as the API and the Users page list it: never its secret. */
record TokenView(long id, String name, String role, Long userId, String userEmail, Instant createdAt,
        String createdBy, Instant revokedAt) {
    static TokenView of(ApiTokens.Token token) {
        return new TokenView(token.id(), token.name(), token.role().wireName(), token.userId().orElse(null),
                token.userEmail().orElse(null), token.createdAt(), token.createdBy(), token.revokedAt().orElse(null));
    }
}
