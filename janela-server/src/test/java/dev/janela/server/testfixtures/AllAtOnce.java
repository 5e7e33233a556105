package dev.janela.server.testfixtures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks on threads of their own, released together, and gives back what each returned, in order. */
public final class AllAtOnce {
    private AllAtOnce() {
    }

    public static <T> List<T> run(List<Callable<T>> tasks) throws InterruptedException, ExecutionException {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** {@code task} on {@code copies} threads at once. */
    public static <T> List<T> run(int copies, Callable<T> task) throws InterruptedException, ExecutionException {
        return run(Collections.nCopies(copies, task));
    }
}
