package dev.janela.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.server.testfixtures.JanelaServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows inserted through {@link BatchedWrites} by a group commit's batch reach the database together once the batch's
 * work is applied, in its transaction; a row the database refuses rolls the batch back, and each piece of work is
 * applied again alone, its row inserted at once, so that the refusal is its own caller's only. Updates and deletes
 * wait with the batch alike.
 */
@JanelaServerTest
class BatchedWritesTest {
    private static final String INSERT = "insert into batched_writes_test (id, item) values (?, ?)";
    private static final int QUEUED = 12;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CountDownLatch firstTaken = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private GroupCommit<Integer, Integer> commits;

    @BeforeEach
    void table() {
        jdbc.execute("drop table if exists batched_writes_test");
        jdbc.execute("create table batched_writes_test (id integer primary key, item varchar(20) not null)");
    }

    @AfterEach
    void dropTable() {
        if (commits != null) {
            commits.close();
        }
        callers.shutdownNow();
        jdbc.execute("drop table if exists batched_writes_test");
    }

    @Test
    void aBatchsRowsAreInsertedOnceItsWorkIsApplied_andAllCommit() throws Exception {
        commits = heldFirst();
        Future<Integer> first = callers.submit(() -> commits.apply(0, 0));
        List<Future<Integer>> queued = queue(1, QUEUED);
        release.countDown();

        // each piece of work counted the rows its transaction could see: the first batch's none of its own, the
        // second batch's the first's only, as its own were still waiting
        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        for (Future<Integer> answer : queued) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("select id from batched_writes_test order by id", Integer.class))
                .containsExactlyElementsOf(ids(0, QUEUED + 1));
    }

    @Test
    void aRowTheDatabaseRefuses_failsItsOwnCallerOnly() throws Exception {
        jdbc.update(INSERT, 7, "there before");
        commits = heldFirst();
        Future<Integer> first = callers.submit(() -> commits.apply(0, 0));
        List<Future<Integer>> queued = queue(1, QUEUED);
        release.countDown();

        first.get(30, TimeUnit.SECONDS);
        for (int id = 1; id <= QUEUED; id++) {
            Future<Integer> answer = queued.get(id - 1);
            if (id == 7) {
                assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(
                        DuplicateKeyException.class);
            } else {
                answer.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(jdbc.queryForList("select id from batched_writes_test order by id", Integer.class))
                .containsExactlyElementsOf(ids(0, QUEUED + 1));
        assertThat(jdbc.queryForObject("select item from batched_writes_test where id = 7", String.class))
                .isEqualTo("there before");
    }

    @Test
    void outsideABatch_aRowIsInsertedAtOnce() {
        int seen = new TransactionTemplate(transactions).execute(status -> {
            BatchedWrites.write(jdbc, INSERT, 1, "alone");
            return count();
        });
        assertThat(seen).isEqualTo(1);
    }

    @Test
    void updatesAndDeletes_waitWithTheBatch_andChangeTheirRowsWhenItsWritesAreMade() {
        jdbc.update(INSERT, 1, "one");
        jdbc.update(INSERT, 2, "two");

        List<String> seen = new TransactionTemplate(transactions).execute(status -> {
            try (BatchedWrites writes = BatchedWrites.open()) {
                BatchedWrites.write(jdbc, "update batched_writes_test set item = ? where id = ?", "changed", 1);
                BatchedWrites.write(jdbc, "delete from batched_writes_test where id = ?", 2);
                List<String> before = items();
                writes.flush();
                return List.of(String.join(",", before), String.join(",", items()));
            }
        });

        assertThat(seen).containsExactly("one,two", "changed");
        assertThat(items()).containsExactly("changed");
    }

    @Test
    void aCount_seesTheRowsWaitingWithTheBatch_thatMatch_andNoneOutsideABatch() {
        List<Long> counted = new TransactionTemplate(transactions).execute(status -> {
            try (BatchedWrites writes = BatchedWrites.open()) {
                BatchedWrites.write(jdbc, INSERT, 1, "kept");
                BatchedWrites.write(jdbc, INSERT, 2, "other");
                BatchedWrites.write(jdbc, INSERT, 3, "kept");
                BatchedWrites.write(jdbc, "delete from batched_writes_test where id = ?", 9);
                long kept = BatchedWrites.waiting(INSERT, row -> row[1].equals("kept"));
                writes.flush();
                return List.of(kept, BatchedWrites.waiting(INSERT, row -> true));
            }
        });

        assertThat(counted).as("waiting before the flush, and after it").containsExactly(2L, 0L);
        assertThat(BatchedWrites.waiting(INSERT, row -> true)).as("outside a batch").isZero();
    }

    /** A group commit whose first piece of work waits for {@link #release}, so that the rest queue behind it. */
    private GroupCommit<Integer, Integer> heldFirst() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return new GroupCommit<>("batched-writes-test", 1, 64, transaction, new GroupCommit.Work<>() {
            @Override
            public Integer together(Integer id) {
                if (id == 0) {
                    firstTaken.countDown();
                    await(release);
                }
                BatchedWrites.write(jdbc, INSERT, id, "item " + id);
                return count();
            }

            @Override
            public Integer alone(Integer id) {
                return transaction.execute(status -> {
                    BatchedWrites.write(jdbc, INSERT, id, "item " + id);
                    return count();
                });
            }
        });
    }

    /** Queues the work {@code from} to {@code from + count - 1} behind the first, which its writer holds. */
    private List<Future<Integer>> queue(int from, int count) {
        await(firstTaken);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int id = from; id < from + count; id++) {
            int item = id;
            answers.add(callers.submit(() -> commits.apply(0, item)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (commits.waiting() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(commits.waiting()).as("work queued behind the first").isEqualTo(count);
        return answers;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("counted down").isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private List<String> items() {
        return jdbc.queryForList("select item from batched_writes_test order by id", String.class);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from batched_writes_test", Integer.class);
    }

    private static List<Integer> ids(int from, int to) {
        List<Integer> ids = new ArrayList<>();
        for (int id = from; id < to; id++) {
            ids.add(id);
        }
        return ids;
    }
}
