package dev.janela.server.account;

import dev.janela.server.access.BearerTokens;
import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.jdbc.Columns;
import dev.janela.server.jdbc.Instants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bearer tokens. Only a token's SHA-256 is stored: a token is shown once, when it is made, and cannot be read back.
 * Tokens are long random strings, so an unsalted fast hash is enough (unlike passwords). A token is an
 * integration's, with a role of its own, or a user's, acting with whatever role the user has now; a revoked
 * token, or one of a removed user, is refused from the next request on.
 */
@Repository
public class ApiTokens implements BearerTokens {
    /** What every token Janela makes starts with, so that a leaked one is easy to recognise. */
    static final String PREFIX = "jnl_";
    private static final int RANDOM_BYTES = 32;
    private static final String COLUMNS = "t.id, t.account_id, t.name, t.role, t.user_id, u.email, u.role as"
            + " user_role, t.created_at, t.created_by, t.revoked_at from api_tokens t left join users u"
            + " on u.id = t.user_id";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A token as an admin sees it: never its secret.
     *
     * @param userId the user it belongs to; empty for an integration's token
     * @param role what it may do now: its user's role, or its own
     */
    public record Token(long id, long accountId, String name, Role role, Optional<Long> userId,
            Optional<String> userEmail, Instant createdAt, String createdBy, Optional<Instant> revokedAt) {
        public boolean isActive() {
            return revokedAt.isEmpty();
        }
    }

    /** A new random token, not yet registered. */
    public String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Registers {@code token} as an integration's, unless it already is; returns its id. */
    public long register(long accountId, String name, Role role, String token, String createdBy) {
        String hash = hash(token);
        Optional<Long> known = jdbc.sql("select id from api_tokens where token_hash = :hash").param("hash", hash)
                .query(Long.class).optional();
        return known.orElseGet(() -> insert(accountId, null, name, role, hash, createdBy));
    }

    /** Registers {@code token} as the user's; it acts with the user's role. Returns its id. */
    public long registerForUser(long accountId, long userId, Role role, String name, String token, String createdBy) {
        return insert(accountId, userId, name, role, hash(token), createdBy);
    }

    private long insert(long accountId, Long userId, String name, Role role, String hash, String createdBy) {
        return jdbc.sql("insert into api_tokens (account_id, user_id, token_hash, name, role, created_at, created_by)"
                + " values (:account, :user, :hash, :name, :role, :now, :by) returning id")
                .param("account", accountId).param("user", userId).param("hash", hash).param("name", name)
                .param("role", role.wireName()).param("now", Instants.param(clock.instant()))
                .param("by", createdBy).query(Long.class).single();
    }

    /** Whether the account has any token that is not revoked. */
    public boolean anyFor(long accountId) {
        return jdbc.sql("select count(*) from api_tokens where account_id = :account and revoked_at is null")
                .param("account", accountId).query(Long.class).single() > 0;
    }

    @Override
    public Optional<Caller> callerOf(String token) {
        return jdbc.sql("select " + COLUMNS + " where t.token_hash = :hash and t.revoked_at is null"
                + " and u.removed_at is null").param("hash", hash(token))
                .query(ApiTokens::token).optional()
                .map(found -> new Caller(found.accountId(), Optional.of(found.id()), found.userId(), found.role(),
                        found.userEmail().orElse(found.name())));
    }

    /** The account's token {@code id}, revoked or not. */
    public Optional<Token> find(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " where t.account_id = :account and t.id = :id")
                .param("account", accountId).param("id", id).query(ApiTokens::token).optional();
    }

    /** The account's tokens, oldest first. */
    public List<Token> list(long accountId) {
        return jdbc.sql("select " + COLUMNS + " where t.account_id = :account order by t.id")
                .param("account", accountId).query(ApiTokens::token).list();
    }

    /** The account's integration tokens with the admin role that are not revoked, but for {@code except}. */
    public long activeAdminIntegrations(long accountId, long except) {
        return jdbc.sql("select count(*) from api_tokens where account_id = :account and user_id is null"
                + " and role = :role and revoked_at is null and id <> :except")
                .param("account", accountId).param("role", Role.ADMIN.wireName()).param("except", except)
                .query(Long.class).single();
    }

    public void revoke(long id) {
        jdbc.sql("update api_tokens set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", Instants.param(clock.instant())).param("id", id).update();
    }

    /** Revokes every token of the user. */
    public void revokeAllOf(long userId) {
        jdbc.sql("update api_tokens set revoked_at = :now where user_id = :user and revoked_at is null")
                .param("now", Instants.param(clock.instant())).param("user", userId).update();
    }

    private static Token token(ResultSet row, int number) throws SQLException {
        Optional<Long> user = Columns.optionalLong(row, "user_id");
        String role = user.isPresent() ? row.getString("user_role") : row.getString("role");
        return new Token(row.getLong("id"), row.getLong("account_id"), row.getString("name"),
                Role.fromWireName(role).orElseThrow(), user, Optional.ofNullable(row.getString("email")),
                Instants.read(row, "created_at"),
                Optional.ofNullable(row.getString("created_by")).orElse(Accounts.JANELA),
                Instants.readOptional(row, "revoked_at"));
    }

    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
