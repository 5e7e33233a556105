package dev.janela.server.account;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.web.Allowed;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tokens}: integrations' tokens, each with a role of its own, and the list of every token of the account
 * (admins only); and {@code /api/users/{id}/tokens}, a user's personal tokens. A token is shown once, in the answer
 * that makes it; revoking one takes effect at the next request.
 */
@RestController
class TokenController {
    private final Team team;
    private final ApiTokens tokens;

    TokenController(Team team, ApiTokens tokens) {
        this.team = team;
        this.tokens = tokens;
    }

    record NewToken(String name, String role) {
    }

    /** A token just made, with its secret: the only time it is shown. */
    record CreatedToken(long id, String name, String role, Long userId, Instant createdAt, String token) {
        static CreatedToken of(Team.Issued issued) {
            ApiTokens.Token made = issued.token();
            return new CreatedToken(made.id(), made.name(), made.role().wireName(), made.userId().orElse(null),
                    made.createdAt(), issued.secret());
        }
    }

    record TokenList(List<TokenView> tokens) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken add(@RequestBody NewToken request, Caller caller) {
        return CreatedToken.of(team.issueToken(caller, request.name(), request.role()));
    }

    /** A personal token for the user, acting with the user's role: for an admin, or the user themselves. */
    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @PostMapping("/api/users/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken addForUser(@PathVariable long id, @RequestBody NewToken request, Caller caller) {
        return CreatedToken.of(team.issueUserToken(caller, id, request.name(), request.role()));
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/tokens")
    TokenList list(Caller caller) {
        return new TokenList(tokens.list(caller.accountId()).stream().map(TokenView::of).toList());
    }

    /** Revokes a token: an admin any of the account's, anyone their own. */
    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @DeleteMapping("/api/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Caller caller) {
        team.revokeToken(caller, id);
    }
}
