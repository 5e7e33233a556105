package dev.janela.server.account;

import dev.janela.server.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Keeps every account administrable: no change may leave it without an admin user or an admin integration token.
 * Callers hold the account's lock ({@link Accounts#lock}), so that two admins demoting each other at once cannot
 * both succeed.
 */
@Component
class LastAdmin {
    private static final long NONE = -1;

    private final Users users;
    private final ApiTokens tokens;

    LastAdmin(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** Refuses to demote or remove {@code userId} if no other admin would be left. */
    void requireAnotherThanUser(long accountId, long userId) {
        if (users.admins(accountId, userId) + tokens.activeAdminIntegrations(accountId, NONE) == 0) {
            throw lockOut();
        }
    }

    /** Refuses to revoke {@code tokenId} if no other admin would be left. */
    void requireAnotherThanToken(long accountId, long tokenId) {
        if (users.admins(accountId, NONE) + tokens.activeAdminIntegrations(accountId, tokenId) == 0) {
            throw lockOut();
        }
    }

    private static Refusal lockOut() {
        return Refusal.conflict("that would leave the account without an admin; make"
                + " another user an admin, or create an admin token, first");
    }
}
