package dev.janela.server.account;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Fields;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's people and tokens, as its admins change them: adding, changing and removing users, and making and
 * revoking tokens. No change may leave the account without an admin ({@link LastAdmin}); changes to who administers
 * it take the account's lock, so that two admins demoting each other at once cannot both succeed.
 */
@Service
public class Team {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 254;
    private static final int MAX_NAME = 200;

    private final Users users;
    private final ApiTokens tokens;
    private final Passwords passwords;
    private final Accounts accounts;
    private final LastAdmin lastAdmin;

    Team(Users users, ApiTokens tokens, Passwords passwords, Accounts accounts, LastAdmin lastAdmin) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.accounts = accounts;
        this.lastAdmin = lastAdmin;
    }

    /**
     * A user to add; without a password, Janela makes one and shows it once.
     *
     * @param role {@code admin}, {@code agent} or {@code analyst}
     */
    public record NewUser(String email, String name, String role, String password) {
    }

    /** What to change of a user; what is left out (null) stays as it is. */
    public record UserChange(String name, String role, String password) {
    }

    /** A user just added, with the password Janela made for them, if it made one: the only time it is shown. */
    public record Added(Users.User user, Optional<String> madePassword) {
    }

    /** A token just made, with its secret: the only time it is shown. */
    public record Issued(ApiTokens.Token token, String secret) {
    }

    @Transactional
    public Added add(Caller caller, NewUser request) {
        List<FieldError> problems = new ArrayList<>();
        String email = request.email() == null ? "" : request.email().strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            problems.add(new FieldError("email", "is required: an e-mail address such as ana@example.com"));
        } else if (email.length() > MAX_EMAIL) {
            problems.add(new FieldError("email", "has " + email.length() + " characters; at most " + MAX_EMAIL));
        } else if (!EMAIL.matcher(email).matches()) {
            problems.add(new FieldError("email", "is not an e-mail address such as ana@example.com"));
        }
        String name = checkName(request.name(), problems);
        Role role = checkRole(request.role(), problems);
        Optional<String> password = Optional.ofNullable(request.password());
        password.flatMap(passwords::problem).ifPresent(problem -> problems.add(new FieldError("password", problem)));
        Refusal.requireNone(problems);
        if (users.emailTaken(email)) {
            throw Refusal.conflict("a user with the address " + email + " exists already");
        }
        String chosen = password.orElseGet(passwords::generate);
        Users.User user = users.add(caller.accountId(), email, name, role, passwords.hash(chosen), caller.author());
        return new Added(user, password.isPresent() ? Optional.empty() : Optional.of(chosen));
    }

    @Transactional
    public Users.User change(Caller caller, long id, UserChange request) {
        accounts.lock(caller.accountId());
        Users.User user = existing(caller, id);
        List<FieldError> problems = new ArrayList<>();
        String name = request.name() == null ? user.name() : checkName(request.name(), problems);
        Role role = request.role() == null ? user.role() : checkRole(request.role(), problems);
        Optional.ofNullable(request.password()).flatMap(passwords::problem)
                .ifPresent(problem -> problems.add(new FieldError("password", problem)));
        Refusal.requireNone(problems);
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            lastAdmin.requireAnotherThanUser(caller.accountId(), id);
        }
        users.update(id, name, role);
        if (request.password() != null) {
            users.setPasswordHash(id, passwords.hash(request.password()));
        }
        return users.find(caller.accountId(), id).orElseThrow();
    }

    /** Removes the user and revokes their tokens at once; what they wrote keeps their name. */
    @Transactional
    public void remove(Caller caller, long id) {
        accounts.lock(caller.accountId());
        Users.User user = existing(caller, id);
        if (user.role() == Role.ADMIN) {
            lastAdmin.requireAnotherThanUser(caller.accountId(), id);
        }
        users.remove(id);
        tokens.revokeAllOf(id);
    }

    /**
     * An integration's token, with a role of its own.
     *
     * @param role {@code admin}, {@code agent} or {@code analyst}
     */
    @Transactional
    public Issued issueToken(Caller caller, String name, String role) {
        List<FieldError> problems = new ArrayList<>();
        String checkedName = checkName(name, problems);
        Role checkedRole = checkRole(role, problems);
        Refusal.requireNone(problems);
        String secret = tokens.generate();
        long id = tokens.register(caller.accountId(), checkedName, checkedRole, secret, caller.author());
        return new Issued(tokens.find(caller.accountId(), id).orElseThrow(), secret);
    }

    /**
     * A personal token for the user {@code userId}, acting with the user's role: for an admin, or the user
     * themselves.
     *
     * @param role must be null: a user's token has the user's role
     */
    @Transactional
    public Issued issueUserToken(Caller caller, long userId, String name, String role) {
        if (!caller.isAdmin() && !caller.is(userId)) {
            throw new Refusal(Reason.FORBIDDEN, "only an admin, or the user themselves, may make a user's token");
        }
        Users.User user = existing(caller, userId);
        List<FieldError> problems = new ArrayList<>();
        String checkedName = checkName(name, problems);
        if (role != null) {
            problems.add(new FieldError("role", "a user's token acts with the user's role; leave it out"));
        }
        Refusal.requireNone(problems);
        String secret = tokens.generate();
        long id = tokens.registerForUser(caller.accountId(), userId, user.role(), checkedName, secret,
                caller.author());
        return new Issued(tokens.find(caller.accountId(), id).orElseThrow(), secret);
    }

    /** Revokes a token: an admin any of the account's, anyone their own. */
    @Transactional
    public void revokeToken(Caller caller, long id) {
        accounts.lock(caller.accountId());
        ApiTokens.Token token = tokens.find(caller.accountId(), id)
                .orElseThrow(() -> Refusal.notFound("token " + id));
        boolean own = token.userId().map(caller::is).orElse(caller.tokenId().equals(Optional.of(id)));
        if (!caller.isAdmin() && !own) {
            throw new Refusal(Reason.FORBIDDEN, "only an admin may revoke another's token");
        }
        if (token.isActive() && token.userId().isEmpty() && token.role() == Role.ADMIN) {
            lastAdmin.requireAnotherThanToken(caller.accountId(), id);
        }
        tokens.revoke(id);
    }

    private Users.User existing(Caller caller, long id) {
        return users.find(caller.accountId(), id).orElseThrow(() -> Refusal.notFound("user " + id));
    }

    private static String checkName(String name, List<FieldError> problems) {
        String stripped = name == null ? "" : name.strip();
        Fields.requireText("name", stripped, MAX_NAME, problems);
        return stripped;
    }

    private static Role checkRole(String role, List<FieldError> problems) {
        Optional<Role> known = Role.fromWireName(role == null ? "" : role);
        String roles = Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", "));
        if (role == null || role.isBlank()) {
            problems.add(new FieldError("role", "is required: one of " + roles));
        } else if (known.isEmpty()) {
            problems.add(new FieldError("role", "'" + role + "' is not a role; one of " + roles));
        }
        return known.orElse(null);
    }
}
