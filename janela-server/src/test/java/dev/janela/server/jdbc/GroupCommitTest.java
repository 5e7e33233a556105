package dev.janela.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTest {
    private final Transactions transactions = new Transactions();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommit<String, String> commits;

    @AfterEach
    void stop() {
        if (commits != null) {
            commits.close();
        }
        callers.shutdownNow();
    }

    @Test
    void callersWhoComeDuringACommitAreCommittedTogetherInTheNext_upToTheMostAtOnce() throws Exception {
        Work work = new Work() {
            @Override
            String apply(String item) {
                return item.toUpperCase();
            }
        };
        commits = new GroupCommit<>("test", 1, 8, new TransactionTemplate(transactions), work);
        Future<String> first = callers.submit(() -> commits.apply(0, "first"));
        work.firstTaken.await();
        List<Future<String>> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String item = "item" + i;
            others.add(callers.submit(() -> commits.apply(0, item)));
        }
        waitUntilQueued(20);
        work.release.countDown();

        assertThat(first.get()).isEqualTo("FIRST");
        for (int i = 0; i < 20; i++) {
            assertThat(others.get(i).get()).isEqualTo("ITEM" + i);
        }
        // the first alone, then the twenty that queued meanwhile, eight at a time
        assertThat(transactions.commits.get()).isEqualTo(4);
        assertThat(transactions.rollbacks.get()).isZero();
    }

    @Test
    void aFailureRollsTheBatchBackAndIsOnlyItsOwnCallersWhenEachIsAppliedAlone() throws Exception {
        List<String> appliedAlone = new ArrayList<>();
        Work work = new Work() {
            @Override
            String apply(String item) {
                if (item.equals("bad")) {
                    throw new IllegalArgumentException("bad is refused");
                }
                return item;
            }

            @Override
            public String alone(String item) {
                synchronized (appliedAlone) {
                    appliedAlone.add(item);
                }
                if (item.equals("bad")) {
                    throw new IllegalArgumentException("bad is refused alone too");
                }
                return item + " alone";
            }
        };
        commits = new GroupCommit<>("test", 1, 128, new TransactionTemplate(transactions), work);
        List<Future<String>> firstGoodBad = firstThenBatched(work, "good", "bad");

        assertThat(firstGoodBad.get(0).get()).isEqualTo("first");
        assertThat(firstGoodBad.get(1).get()).isEqualTo("good alone");
        assertThatThrownBy(firstGoodBad.get(2)::get).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("bad is refused alone too");
        assertThat(appliedAlone).containsExactly("good", "bad");
        assertThat(transactions.commits.get()).isEqualTo(1);
        assertThat(transactions.rollbacks.get()).isEqualTo(1);
    }

    @Test
    void before_isGivenEachBatchWhole_beforeAnyOfItIsApplied_butNotWorkAppliedAloneAfterARollback() throws Exception {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        Work work = new Work() {
            @Override
            public void before(List<String> batch) {
                done.add("before " + batch);
            }

            @Override
            String apply(String item) {
                if (item.equals("bad")) {
                    throw new IllegalArgumentException("bad is refused");
                }
                done.add(item);
                return item;
            }
        };
        commits = new GroupCommit<>("test", 1, 128, new TransactionTemplate(transactions), work);
        List<Future<String>> firstGoodBad = firstThenBatched(work, "good", "bad");

        assertThat(firstGoodBad.get(0).get()).isEqualTo("first");
        assertThat(firstGoodBad.get(1).get()).isEqualTo("good");
        assertThatThrownBy(firstGoodBad.get(2)::get).hasRootCauseMessage("bad is refused");
        assertThat(done).containsExactly("before [first]", "first", "before [good, bad]", "good", "good");
    }

    @Test
    void closingCommitsWhatWasTakenAndTurnsAwayWhatComesAfter() throws Exception {
        Work work = new Work();
        commits = new GroupCommit<>("test", 2, 128, new TransactionTemplate(transactions), work);
        Future<String> first = callers.submit(() -> commits.apply(0, "first"));
        work.firstTaken.await();
        Future<String> queued = callers.submit(() -> commits.apply(0, "queued"));
        waitUntilQueued(1);
        Future<?> closing = callers.submit(commits::close);
        work.release.countDown();
        closing.get();

        assertThat(first.get()).isEqualTo("first");
        assertThat(queued.get()).isEqualTo("queued");
        assertThatThrownBy(() -> commits.apply(1, "late")).isInstanceOf(GroupCommit.NotTaken.class)
                .hasMessage("Janela is stopping");
    }

    @Test
    void submittedWork_returnsAtOnce_andItsAnswerCompletesOnlyOnceItsBatchCommits() throws Exception {
        Work work = new Work() {
            @Override
            String apply(String item) {
                return item + " by " + transactions.commits.get();
            }
        };
        commits = new GroupCommit<>("test", 1, 128, new TransactionTemplate(transactions), work);
        CompletableFuture<String> first = commits.submit(0, "first");
        work.firstTaken.await();
        CompletableFuture<String> second = commits.submit(0, "second");

        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        work.release.countDown();
        assertThat(first.get()).isEqualTo("first by 0");
        assertThat(second.get()).as("in the next batch, after the first committed").isEqualTo("second by 1");
        assertThat(transactions.commits.get()).isEqualTo(2);
    }

    @Test
    void workOfOneRouteAlwaysGoesThroughTheSameWriter() throws Exception {
        List<String> writers = new ArrayList<>();
        commits = new GroupCommit<>("lane", 4, 128, new TransactionTemplate(transactions), new Work() {
            @Override
            String apply(String item) {
                return Thread.currentThread().getName();
            }
        });
        for (int route = -3; route < 40; route++) {
            String writer = commits.apply(route, "x");
            for (int again = 0; again < 3; again++) {
                assertThat(commits.apply(route, "x")).isEqualTo(writer);
            }
            writers.add(writer);
        }
        assertThat(writers).containsOnly("lane-1", "lane-2", "lane-3", "lane-4")
                .contains("lane-1", "lane-2", "lane-3", "lane-4");
    }

    /**
     * Applies {@code first}, then, while its writer holds it, each of {@code batched} in turn, so that they make the
     * next batch in that order; returns the callers' answers, the first's first.
     */
    private List<Future<String>> firstThenBatched(Work work, String... batched) throws InterruptedException {
        List<Future<String>> answers = new ArrayList<>();
        answers.add(callers.submit(() -> commits.apply(0, "first")));
        work.firstTaken.await();
        for (String item : batched) {
            answers.add(callers.submit(() -> commits.apply(0, item)));
            waitUntilQueued(answers.size() - 1);
        }
        work.release.countDown();
        return answers;
    }

    /** Waits until {@code count} callers wait for the writer, which is busy with the first. */
    private void waitUntilQueued(int count) {
        while (commits.waiting() < count) {
            Thread.yield();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /**
     * Work whose piece {@code first} holds its writer until released, so that callers queue meanwhile; applied alone,
     * it does what it does together, unless a test says otherwise.
     */
    private static class Work implements GroupCommit.Work<String, String> {
        final CountDownLatch firstTaken = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String together(String item) {
            if (item.equals("first")) {
                firstTaken.countDown();
                await(release);
            }
            return apply(item);
        }

        @Override
        public String alone(String item) {
            return apply(item);
        }

        String apply(String item) {
            return item;
        }
    }

    private static final class Transactions implements PlatformTransactionManager {
        private final AtomicInteger commits = new AtomicInteger();
        private final AtomicInteger rollbacks = new AtomicInteger();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        public void rollback(TransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    }
}
