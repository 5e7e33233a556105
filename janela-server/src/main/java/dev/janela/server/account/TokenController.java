package dev.janela.server.account;

import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiErrorCode;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tokens}: integrations' tokens, each with a role of its own, and the list of every token of the account
 * (admins only). A token is shown once, in the answer that makes it; revoking one takes effect at the next request.
 */
@RestController
class TokenController {
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final LastAdmin lastAdmin;

    TokenController(ApiTokens tokens, Accounts accounts, LastAdmin lastAdmin) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.lastAdmin = lastAdmin;
    }

    /** A token as the API lists it: never its secret. */
    record TokenView(long id, String name, String role, Long userId, String userEmail, Instant createdAt,
            String createdBy, Instant revokedAt) {
        static TokenView of(ApiTokens.Token token) {
            return new TokenView(token.id(), token.name(), token.role().wireName(), token.userId().orElse(null),
                    token.userEmail().orElse(null), token.createdAt(), token.createdBy(),
                    token.revokedAt().orElse(null));
        }
    }

    /** A token just made, with its secret: the only time it is shown. */
    record CreatedToken(long id, String name, String role, Long userId, Instant createdAt, String token) {
        static CreatedToken of(ApiTokens.Token made, String secret) {
            return new CreatedToken(made.id(), made.name(), made.role().wireName(), made.userId().orElse(null),
                    made.createdAt(), secret);
        }
    }

    record TokenList(List<TokenView> tokens) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    CreatedToken add(@RequestBody UserController.NewToken request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        List<FieldError> problems = new ArrayList<>();
        String name = UserController.checkName(request.name(), true, problems);
        Role role = UserController.checkRole(request.role(), true, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String token = tokens.generate();
        long id = tokens.register(caller.accountId(), name, role, token, caller.author());
        return CreatedToken.of(tokens.find(caller.accountId(), id).orElseThrow(), token);
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/tokens")
    TokenList list(HttpServletRequest http) {
        return new TokenList(tokens.list(Caller.of(http).accountId()).stream().map(TokenView::of).toList());
    }

    /** Revokes a token: an admin any of the account's, anyone their own. */
    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @DeleteMapping("/api/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void revoke(@PathVariable long id, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        accounts.lock(caller.accountId());
        ApiTokens.Token token = tokens.find(caller.accountId(), id)
                .orElseThrow(() -> ApiException.notFound("token " + id));
        boolean own = token.userId().map(caller::is).orElse(caller.tokenId().equals(Optional.of(id)));
        if (!caller.isAdmin() && !own) {
            throw new ApiException(ApiErrorCode.FORBIDDEN, "only an admin may revoke another's token");
        }
        if (token.isActive() && token.userId().isEmpty() && token.role() == Role.ADMIN) {
            lastAdmin.requireAnotherThanToken(caller.accountId(), id);
        }
        tokens.revoke(id);
    }
}
