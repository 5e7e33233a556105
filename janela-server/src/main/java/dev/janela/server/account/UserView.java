package dev.janela.server.account;

import java.time.Instant;

/** A user as the API and the Users page show them; {@code password} only when Janela made it, once. */
record UserView(long id, String email, String name, String role, Instant createdAt, String createdBy,
        String password) {
    static UserView of(Users.User user) {
        return new UserView(user.id(), user.email(), user.name(), user.role().wireName(), user.createdAt(),
                user.createdBy(), null);
    }

    static UserView of(Team.Added added) {
        Users.User user = added.user();
        return new UserView(user.id(), user.email(), user.name(), user.role().wireName(), user.createdAt(),
                user.createdBy(), added.madePassword().orElse(null));
    }
}
