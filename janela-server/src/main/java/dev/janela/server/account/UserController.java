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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users}: the account's people and their roles (admins only), and their personal tokens (an admin, or
 * the user themselves).
 */
@RestController
class UserController {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 254;
    private static final int MAX_NAME = 200;

    private final Users users;
    private final ApiTokens tokens;
    private final Passwords passwords;
    private final Accounts accounts;
    private final LastAdmin lastAdmin;

    UserController(Users users, ApiTokens tokens, Passwords passwords, Accounts accounts, LastAdmin lastAdmin) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.accounts = accounts;
        this.lastAdmin = lastAdmin;
    }

    /** A user to add; without a password, Janela makes one and shows it once. */
    record NewUser(String email, String name, String role, String password) {
    }

    /** What to change of a user; what is left out stays as it is. */
    record UserChange(String name, String role, String password) {
    }

    /** A user as the API shows them; {@code password} only when Janela made it, in the answer that adds them. */
    record UserView(long id, String email, String name, String role, Instant createdAt, String createdBy,
            String password) {
        static UserView of(Users.User user) {
            return of(user, null);
        }

        static UserView of(Users.User user, String madePassword) {
            return new UserView(user.id(), user.email(), user.name(), user.role().wireName(), user.createdAt(),
                    user.createdBy(), madePassword);
        }
    }

    record UserList(List<UserView> users) {
    }

    record NewToken(String name, String role) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    UserView add(@RequestBody NewUser request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        List<FieldError> problems = new ArrayList<>();
        String email = request.email() == null ? "" : request.email().strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || email.length() > MAX_EMAIL) {
            problems.add(new FieldError("email", "is required: an e-mail address such as ana@example.com"));
        }
        String name = checkName(request.name(), true, problems);
        Role role = checkRole(request.role(), true, problems);
        Optional<String> password = Optional.ofNullable(request.password());
        password.flatMap(passwords::problem).ifPresent(problem -> problems.add(new FieldError("password", problem)));
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (users.emailTaken(email)) {
            throw new ApiException(ApiErrorCode.CONFLICT, "a user with the address " + email + " exists already");
        }
        String chosen = password.orElseGet(passwords::generate);
        Users.User user = users.add(caller.accountId(), email, name, role, passwords.hash(chosen), caller.author());
        return UserView.of(user, password.isPresent() ? null : chosen);
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/users")
    UserList list(HttpServletRequest http) {
        return new UserList(users.list(Caller.of(http).accountId()).stream().map(UserView::of).toList());
    }

    @Allowed({Role.ADMIN})
    @PatchMapping("/api/users/{id}")
    @Transactional
    UserView change(@PathVariable long id, @RequestBody UserChange request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        accounts.lock(caller.accountId());
        Users.User user = existing(caller, id);
        List<FieldError> problems = new ArrayList<>();
        String name = request.name() == null ? user.name() : checkName(request.name(), true, problems);
        Role role = request.role() == null ? user.role() : checkRole(request.role(), true, problems);
        Optional.ofNullable(request.password()).flatMap(passwords::problem)
                .ifPresent(problem -> problems.add(new FieldError("password", problem)));
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            lastAdmin.requireAnotherThanUser(caller.accountId(), id);
        }
        users.update(id, name, role);
        if (request.password() != null) {
            users.setPasswordHash(id, passwords.hash(request.password()));
        }
        return UserView.of(users.find(caller.accountId(), id).orElseThrow());
    }

    /** Removes the user and revokes their tokens at once; what they wrote keeps their name. */
    @Allowed({Role.ADMIN})
    @DeleteMapping("/api/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void remove(@PathVariable long id, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        accounts.lock(caller.accountId());
        Users.User user = existing(caller, id);
        if (user.role() == Role.ADMIN) {
            lastAdmin.requireAnotherThanUser(caller.accountId(), id);
        }
        users.remove(id);
        tokens.revokeAllOf(id);
    }

    /** A personal token for the user, acting with the user's role: for an admin, or the user themselves. */
    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @PostMapping("/api/users/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    TokenController.CreatedToken addToken(@PathVariable long id, @RequestBody NewToken request,
            HttpServletRequest http) {
        Caller caller = Caller.of(http);
        if (!caller.isAdmin() && !caller.is(id)) {
            throw new ApiException(ApiErrorCode.FORBIDDEN, "only an admin, or the user themselves, may make a"
                    + " user's token");
        }
        Users.User user = existing(caller, id);
        List<FieldError> problems = new ArrayList<>();
        String name = checkName(request.name(), true, problems);
        if (request.role() != null) {
            problems.add(new FieldError("role", "a user's token acts with the user's role; leave it out"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String token = tokens.generate();
        long tokenId = tokens.registerForUser(caller.accountId(), id, user.role(), name, token, caller.author());
        return TokenController.CreatedToken.of(tokens.find(caller.accountId(), tokenId).orElseThrow(), token);
    }

    private Users.User existing(Caller caller, long id) {
        return users.find(caller.accountId(), id).orElseThrow(() -> ApiException.notFound("user " + id));
    }

    static String checkName(String name, boolean required, List<FieldError> problems) {
        String stripped = name == null ? "" : name.strip();
        if ((required && stripped.isEmpty()) || stripped.length() > MAX_NAME) {
            problems.add(new FieldError("name", "is required: up to " + MAX_NAME + " characters"));
        }
        return stripped;
    }

    static Role checkRole(String role, boolean required, List<FieldError> problems) {
        Optional<Role> known = Role.fromWireName(role == null ? "" : role);
        if (known.isEmpty() && (required || role != null)) {
            problems.add(new FieldError("role", "is required: admin, agent or analyst"));
        }
        return known.orElse(null);
    }
}
