package dev.janela.server.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows that nothing in their transaction reads back, inserted together once a {@link GroupCommit} batch has applied
 * its work, just before it commits: one round trip to the database for the batch's rows of a table rather than one
 * a row, and on PostgreSQL one statement of many rows. Outside a batch, and for work applied alone after its batch
 * was rolled back, each row is inserted at once, so that a row the database refuses fails its own caller.
 */
public final class BatchedInserts implements AutoCloseable {
    /** The rows waiting for each statement, in the order their first row came. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();

    private record Waiting(JdbcTemplate jdbc, List<Object[]> rows) {
    }

    private BatchedInserts() {
    }

    /**
     * Inserts {@code row} by {@code sql} (positional parameters): with the rest of the batch when a group commit's
     * batch is being applied on this thread, at once otherwise. The caller must not read the row back in its
     * transaction, as it may not be there yet.
     */
    public static void insert(JdbcTemplate jdbc, String sql, Object... row) {
        BatchedInserts batch = (BatchedInserts) TransactionSynchronizationManager.getResource(BatchedInserts.class);
        if (batch == null) {
            jdbc.update(sql, row);
            return;
        }
        batch.waiting.computeIfAbsent(sql, statement -> new Waiting(jdbc, new ArrayList<>())).rows().add(row);
    }

    /** Collects the rows inserted on this thread, in the transaction it is in, until it is closed. */
    static BatchedInserts open() {
        BatchedInserts batch = new BatchedInserts();
        TransactionSynchronizationManager.bindResource(BatchedInserts.class, batch);
        return batch;
    }

    /** Inserts the rows collected so far, each statement's in one batch. */
    void flush() {
        waiting.forEach((sql, rows) -> rows.jdbc().batchUpdate(sql, rows.rows()));
        waiting.clear();
    }

    /** Stops collecting: rows not flushed are dropped, with the transaction that failed before it flushed them. */
    @Override
    public void close() {
        TransactionSynchronizationManager.unbindResource(BatchedInserts.class);
    }
}
