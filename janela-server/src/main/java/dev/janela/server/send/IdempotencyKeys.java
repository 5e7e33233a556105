package dev.janela.server.send;

import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key}s of sends, per account. The first request with a key is processed and its answer kept;
 * the same key with the same body gets that answer again (and is charged once); with another body, 422; while the
 * first is still being processed, 409. A key whose request never finished (its process died) is taken over after
 * a minute.
 */
@Repository
public class IdempotencyKeys {
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Dialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** A kept answer. */
    record Answer(int status, String body) {
    }

    /**
     * Claims {@code key} for a request, in a transaction of its own so that a concurrent request sees the claim.
     *
     * @return the kept answer if the key was used before with the same body; empty if the caller is to process
     * @throws Refusal with 422 if the key was used with another body, 409 if it is in flight
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Answer> claim(long accountId, String key, String requestHash) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("insert into idempotency_keys (account_id, idempotency_key, request_hash, state,"
                + " created_at) values (:account, :key, :hash, 'in_flight', :now)"
                + " on conflict (account_id, idempotency_key) do nothing")
                .param("account", accountId).param("key", key).param("hash", requestHash)
                .param("now", Instants.param(now)).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        Stored stored = jdbc.sql("select request_hash, state, response_status, response_body, created_at"
                + " from idempotency_keys where account_id = :account and idempotency_key = :key" + dialect.lockRows())
                .param("account", accountId).param("key", key)
                .query((row, number) -> new Stored(row.getString("request_hash"), row.getString("state"),
                        row.getInt("response_status"), row.getString("response_body"),
                        Instants.read(row, "created_at")))
                .single();
        if (!stored.requestHash.equals(requestHash)) {
            throw new Refusal(Reason.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key + " was used with"
                    + " another request body; use a new key for a new message");
        }
        if (stored.state.equals("done")) {
            return Optional.of(new Answer(stored.status, stored.body));
        }
        if (stored.createdAt.plus(ABANDONED_AFTER).isAfter(now)) {
            throw new Refusal(Reason.IDEMPOTENCY_KEY_IN_FLIGHT, "a request with Idempotency-Key " + key
                    + " is still being processed; retry in a moment");
        }
        jdbc.sql("update idempotency_keys set created_at = :now where account_id = :account"
                + " and idempotency_key = :key").param("now", Instants.param(now)).param("account", accountId)
                .param("key", key).update();
        return Optional.empty();
    }

    /**
     * Keeps the answer to the key's request; joins the caller's transaction, so it commits with the send it answers
     * for, or with the refusal.
     */
    @Transactional
    public void keep(long accountId, String key, int status, String body) {
        jdbc.sql("update idempotency_keys set state = 'done', response_status = :status, response_body = :body"
                + " where account_id = :account and idempotency_key = :key")
                .param("status", status).param("body", body).param("account", accountId).param("key", key).update();
    }

    /** Frees the key of a request that failed for a reason worth retrying. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void release(long accountId, String key) {
        jdbc.sql("delete from idempotency_keys where account_id = :account and idempotency_key = :key"
                + " and state = 'in_flight'").param("account", accountId).param("key", key).update();
    }

    /**
     * Forgets up to {@code batch} of the keys first used before {@code before}, oldest first: a retry after that is a
     * new request.
     *
     * @return how many were forgotten
     */
    public int forgetBefore(Instant before, int batch) {
        return jdbc.sql("delete from idempotency_keys where (account_id, idempotency_key) in (select account_id,"
                + " idempotency_key from idempotency_keys where created_at < :before order by created_at"
                + " limit :batch)").param("before", Instants.param(before)).param("batch", batch).update();
    }

    private record Stored(String requestHash, String state, int status, String body, Instant createdAt) {
    }
}
