package dev.janela.server.account;

import dev.janela.server.jdbc.Instants;
import dev.janela.server.web.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bearer tokens. Only a token's SHA-256 is stored: a token is shown once, when it is made, and cannot be read back.
 * Tokens are long random strings, so an unsalted fast hash is enough (unlike passwords).
 */
@Repository
public class ApiTokens {
    /** What every token Janela makes starts with, so that a leaked one is easy to recognise. */
    static final String PREFIX = "jnl_";
    private static final int RANDOM_BYTES = 32;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new random token, not yet registered. */
    public String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Registers {@code token} for the account, unless it already is. */
    public void register(long accountId, String name, String role, String token) {
        String hash = hash(token);
        boolean known = jdbc.sql("select count(*) from api_tokens where token_hash = :hash").param("hash", hash)
                .query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("insert into api_tokens (account_id, token_hash, name, role, created_at)"
                    + " values (:account, :hash, :name, :role, :now)")
                    .param("account", accountId).param("hash", hash).param("name", name).param("role", role)
                    .param("now", Instants.param(clock.instant())).update();
        }
    }

    /** Whether the account has any token that is not revoked. */
    public boolean anyFor(long accountId) {
        return jdbc.sql("select count(*) from api_tokens where account_id = :account and revoked_at is null")
                .param("account", accountId).query(Long.class).single() > 0;
    }

    /** The caller {@code token} identifies, if it is registered and not revoked. */
    public Optional<Caller> find(String token) {
        return jdbc.sql("select id, account_id, name, role from api_tokens where token_hash = :hash"
                + " and revoked_at is null").param("hash", hash(token))
                .query((row, number) -> new Caller(row.getLong("account_id"), row.getLong("id"),
                        row.getString("name"), row.getString("role")))
                .optional();
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
