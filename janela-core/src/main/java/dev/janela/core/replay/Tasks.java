package dev.janela.core.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Waits for a replay's parallel tasks, so that their failures reach the caller as the failures they were. */
final class Tasks {
    private static final long POLL_MILLIS = 100;

    private Tasks() {
    }

    /** The result of {@code future}; its failure is rethrown as it was. */
    static <T> T await(Future<T> future) {
        return await(List.of(future), () -> { }).get(0);
    }

    /**
     * Runs {@code part} for each part number from 0 to {@code parts - 1}: part 0 on the calling thread, the others on
     * {@code threads}. A failure cancels the other parts and is rethrown as it was.
     *
     * @return each part's result, in part order
     */
    static <T> List<T> onAllParts(ExecutorService threads, int parts, IntFunction<T> part) {
        List<Future<T>> others = new ArrayList<>();
        for (int number = 1; number < parts; number++) {
            int mine = number;
            others.add(threads.submit(() -> part.apply(mine)));
        }
        T first;
        try {
            first = part.apply(0);
        } catch (RuntimeException | Error failure) {
            others.forEach(other -> other.cancel(true));
            throw failure;
        }
        List<T> results = new ArrayList<>(parts);
        results.add(first);
        results.addAll(await(others, () -> { }));
        return results;
    }

    /**
     * Throws if the calling task was cancelled, so that long loops stop when another task has failed.
     *
     * @throws CancellationException if the thread was interrupted
     */
    static void stopIfCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("replay cancelled");
        }
    }

    /**
     * The results of {@code futures}, in order, running {@code whileWaiting} every so often on the calling thread
     * (to report progress). The first task that fails cancels the others, and its exception is rethrown as it was.
     */
    static <T> List<T> await(List<Future<T>> futures, Runnable whileWaiting) {
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (Future<T> future : futures) {
                while (true) {
                    try {
                        results.add(future.get(POLL_MILLIS, TimeUnit.MILLISECONDS));
                        break;
                    } catch (TimeoutException stillRunning) {
                        whileWaiting.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(future -> future.cancel(true));
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        whileWaiting.run();
        return results;
    }
}
