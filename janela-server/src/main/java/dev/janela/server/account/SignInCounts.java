package dev.janela.server.account;

import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.Instants;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins by subject, kept in the database so that every process over it counts the same: an address's
 * subject is its SHA-256 ({@code address:...}), so that no address anyone typed is kept; an account's is
 * {@code account:<id>}.
 */
@Repository
class SignInCounts {
    private final JdbcClient jdbc;
    private final Dialect dialect;

    SignInCounts(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The subject's count, without locking it. */
    Optional<SignInCount> find(String subject) {
        return jdbc.sql("select failures, window_start, pauses, paused_until, last_failed_at from sign_in_counts"
                + " where subject = :subject").param("subject", subject).query((row, number) -> new SignInCount(
                        row.getInt("failures"), Instants.read(row, "window_start"), row.getInt("pauses"),
                        Instants.readOptional(row, "paused_until"),
                        Instants.read(row, "last_failed_at"))).optional();
    }

    /** The subject's count, locked until the transaction ends; a subject new to the table starts with none. */
    SignInCount lock(String subject, Instant now) {
        jdbc.sql("insert into sign_in_counts (subject, failures, window_start, pauses, last_failed_at)"
                + " values (:subject, 0, :now, 0, :now) on conflict (subject) do nothing")
                .param("subject", subject).param("now", Instants.param(now)).update();
        jdbc.sql("select subject from sign_in_counts where subject = :subject" + dialect.lockRows())
                .param("subject", subject).query(String.class).single();
        return find(subject).orElseThrow();
    }

    void save(String subject, SignInCount count) {
        jdbc.sql("update sign_in_counts set failures = :failures, window_start = :start, pauses = :pauses,"
                + " paused_until = :until, last_failed_at = :last where subject = :subject")
                .param("failures", count.failures()).param("start", Instants.param(count.windowStart()))
                .param("pauses", count.pauses()).param("until", count.pausedUntil().map(Instants::param).orElse(null))
                .param("last", Instants.param(count.lastFailedAt())).param("subject", subject).update();
    }

    void delete(String subject) {
        jdbc.sql("delete from sign_in_counts where subject = :subject").param("subject", subject).update();
    }

    /** Deletes the counts whose last failure came before {@code before} and which are not paused at {@code now}. */
    void forget(Instant before, Instant now) {
        jdbc.sql("delete from sign_in_counts where last_failed_at < :before"
                + " and (paused_until is null or paused_until <= :now)")
                .param("before", Instants.param(before)).param("now", Instants.param(now)).update();
    }
}
