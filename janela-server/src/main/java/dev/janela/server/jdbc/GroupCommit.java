package dev.janela.server.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the work of many callers together (DESIGN section 8): each caller hands in its work and waits; a writer
 * thread takes whatever has queued meanwhile, up to a most given, applies it all in one transaction and
 * commits once, and only then answers every caller. Nothing waits for a batch to fill: a caller who finds the
 * writer idle is committed alone, at once, while the callers who come during that commit make the next batch; so
 * the batches grow with the load, and one flush to the disk serves them all.
 *
 * <p>What a batch's work writes through {@link BatchedWrites} is written together, once all of its work is applied.
 * If anything in a batch fails, the whole batch is rolled back and each piece of work is applied again on its own
 * ({@link Work#alone}), its writes made at once, so that one caller's failure is that caller's only.
 *
 * <p>Work goes to one of several lanes, each with its writer, by a route the caller gives: the work of one route
 * (one conversation, say) is always in the same lane, so two lanes seldom wait for each other's locks. An embedded
 * store that lets one writer in at a time is given one lane.
 *
 * @param <T> a piece of work
 * @param <R> what applying it gives its caller
 */
public final class GroupCommit<T, R> {
    /** How much work may wait for a lane before callers are turned away. */
    private static final int MOST_WAITING = 4_096;
    /** How long a caller waits for room in a full lane before it is turned away. */
    private static final Duration ROOM_WAIT = Duration.ofSeconds(5);
    /** How often an idle writer looks whether Janela is stopping. */
    private static final Duration IDLE_LOOK = Duration.ofMillis(200);
    /** How long closing waits for each writer to commit what it has taken. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** What a batch does with each piece of work. */
    public interface Work<T, R> {
        /**
         * Does, in the batch's transaction and before any of its work is applied, what is cheaper done for all of
         * it at once than for each piece (one statement rather than many); an exception rolls the batch back.
         */
        default void before(List<T> batch) {
        }

        /** Applies {@code item} in the batch's transaction; an exception rolls the whole batch back. */
        R together(T item);

        /** Applies {@code item} on its own, after its batch was rolled back; an exception is its caller's. */
        R alone(T item);
    }

    /**
     * The work was not taken, as the lanes are full or Janela is stopping, and nothing of it was applied; or its
     * caller was interrupted while it waited, and it may yet be.
     */
    public static final class NotTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotTaken(String message) {
            super(message);
        }
    }

    private record Pending<T, R>(T item, CompletableFuture<R> answer) {
    }

    private final Work<T, R> work;
    private final TransactionTemplate transaction;
    private final int mostAtOnce;
    private final List<Lane> lanes = new ArrayList<>();
    private volatile boolean closing;

    /**
     * Starts {@code lanes} writers, named after {@code name}.
     *
     * @param mostAtOnce the most pieces of work one transaction takes: enough to spread a commit's cost, few enough
     *     to keep it short
     * @param transaction how each batch's transaction is begun
     */
    public GroupCommit(String name, int lanes, int mostAtOnce, TransactionTemplate transaction, Work<T, R> work) {
        if (lanes < 1 || mostAtOnce < 1) {
            throw new IllegalArgumentException("a group commit needs a lane and room for work, not " + lanes + " and "
                    + mostAtOnce);
        }
        this.work = work;
        this.transaction = transaction;
        this.mostAtOnce = mostAtOnce;
        for (int i = 0; i < lanes; i++) {
            Lane lane = new Lane(name + "-" + (i + 1));
            this.lanes.add(lane);
            lane.writer.start();
        }
    }

    /**
     * Applies {@code item} with the work that comes with it, and returns once it is committed.
     *
     * @param route the same for work that touches the same rows
     * @throws NotTaken if the work could not be queued, or the caller was interrupted while it waited
     * @throws RuntimeException what applying it alone threw, if it failed
     */
    public R apply(int route, T item) {
        CompletableFuture<R> answer = submit(route, item);
        try {
            return answer.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NotTaken("interrupted while waiting for its writer, which may yet commit it");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    /**
     * Queues {@code item} with the work that comes with it, for a caller that does not wait: the answer completes
     * once it is committed, or with what applying it alone threw.
     *
     * @param route the same for work that touches the same rows
     * @throws NotTaken if the work could not be queued
     */
    public CompletableFuture<R> submit(int route, T item) {
        if (closing) {
            throw new NotTaken("Janela is stopping");
        }
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        Lane lane = lanes.get(Math.floorMod(route, lanes.size()));
        try {
            if (!lane.queue.offer(pending, ROOM_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new NotTaken(MOST_WAITING + " pieces of work are already waiting for " + lane.writer.getName());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NotTaken("interrupted while waiting for room at " + lane.writer.getName());
        }
        return pending.answer;
    }

    /** How many pieces of work wait for a writer now, in every lane. */
    public int waiting() {
        return lanes.stream().mapToInt(lane -> lane.queue.size()).sum();
    }

    /** Stops taking work, and waits for the writers to commit what they have. */
    public void close() {
        closing = true;
        for (Lane lane : lanes) {
            try {
                lane.writer.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            // work queued as the writer stopped: its callers are told, rather than left waiting
            for (Pending<T, R> late = lane.queue.poll(); late != null; late = lane.queue.poll()) {
                late.answer.completeExceptionally(new NotTaken("Janela is stopping"));
            }
        }
    }

    private final class Lane {
        private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>(MOST_WAITING);
        private final Thread writer;

        Lane(String name) {
            writer = new Thread(this::run, name);
            writer.setDaemon(true);
        }

        private void run() {
            List<Pending<T, R>> batch = new ArrayList<>(mostAtOnce);
            while (!closing || !queue.isEmpty()) {
                Pending<T, R> first;
                try {
                    first = queue.poll(IDLE_LOOK.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    return;
                }
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, mostAtOnce - 1);
                commit(batch);
                batch.clear();
            }
        }

        private void commit(List<Pending<T, R>> batch) {
            List<R> results;
            try {
                results = transaction.execute(status -> {
                    try (BatchedWrites writes = BatchedWrites.open()) {
                        work.before(batch.stream().map(Pending::item).toList());
                        List<R> applied = new ArrayList<>(batch.size());
                        for (Pending<T, R> pending : batch) {
                            applied.add(work.together(pending.item));
                        }
                        writes.flush();
                        return applied;
                    }
                });
            } catch (RuntimeException | Error failed) {
                if (batch.size() > 1) {
                    LOG.debug("A batch of {} was rolled back, and each is applied alone: {}", batch.size(),
                            failed.toString());
                }
                batch.forEach(this::alone);
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer.complete(results.get(i));
            }
        }

        private void alone(Pending<T, R> pending) {
            try {
                pending.answer.complete(work.alone(pending.item));
            } catch (RuntimeException | Error failed) {
                pending.answer.completeExceptionally(failed);
            }
        }
    }
}
