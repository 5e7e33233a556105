package dev.janela.server.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that nothing in their transaction reads back, made together once a {@link GroupCommit} batch has applied
 * its work, just before it commits: one round trip to the database for each statement's rows rather than one a row,
 * and on PostgreSQL an insert's rows in one statement. Outside a batch, and for work applied alone after its batch
 * was rolled back, each write is made at once, so that a row the database refuses fails its own caller.
 */
public final class BatchedWrites implements AutoCloseable {
    /** The parameters waiting for each statement, in the order their first came. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();

    private record Waiting(JdbcTemplate jdbc, List<Object[]> rows) {
    }

    private BatchedWrites() {
    }

    /**
     * Runs {@code sql} (an insert, update or delete with positional parameters) with {@code row}: with the rest of
     * the batch when a group commit's batch is being applied on this thread, at once otherwise. The caller must not
     * read back what it writes in its transaction, as it may not be written yet, nor need to know how many rows it
     * changed.
     */
    public static void write(JdbcTemplate jdbc, String sql, Object... row) {
        BatchedWrites batch = current();
        if (batch == null) {
            jdbc.update(sql, row);
            return;
        }
        batch.waiting.computeIfAbsent(sql, statement -> new Waiting(jdbc, new ArrayList<>())).rows().add(row);
    }

    /** Whether a group commit's batch is being applied on this thread: then {@link #write} waits for its end. */
    public static boolean collecting() {
        return current() != null;
    }

    /**
     * How many rows of {@code sql} that {@code matching} accepts wait to be written with the batch being applied on
     * this thread: none outside a batch, where each write is made at once. For a count that must see them too.
     */
    public static long waiting(String sql, Predicate<Object[]> matching) {
        BatchedWrites batch = current();
        Waiting rows = batch == null ? null : batch.waiting.get(sql);
        return rows == null ? 0 : rows.rows().stream().filter(matching).count();
    }

    /** The batch being applied on this thread, if one is; else null. */
    private static BatchedWrites current() {
        return (BatchedWrites) TransactionSynchronizationManager.getResource(BatchedWrites.class);
    }

    /** Collects the writes made on this thread, in the transaction it is in, until it is closed. */
    static BatchedWrites open() {
        BatchedWrites batch = new BatchedWrites();
        TransactionSynchronizationManager.bindResource(BatchedWrites.class, batch);
        return batch;
    }

    /** Makes the writes collected so far, each statement's in one batch. */
    void flush() {
        waiting.forEach((sql, rows) -> rows.jdbc().batchUpdate(sql, rows.rows()));
        waiting.clear();
    }

    /** Stops collecting: writes not flushed are dropped, with the transaction that failed before it flushed them. */
    @Override
    public void close() {
        TransactionSynchronizationManager.unbindResource(BatchedWrites.class);
    }
}
