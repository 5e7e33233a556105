package dev.janela.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The background thread runs a pass when it starts and when woken, keeps going when a pass fails, and ends when
 * stopped. Its poll interval is an hour here, so that every pass a test sees is one it asked for.
 */
class DeliveryWorkerTest {
    private static final Duration AN_HOUR = Duration.ofHours(1);
    /** How long a test waits for the thread to get to a pass: far longer than it ever takes. */
    private static final long PATIENCE_SECONDS = 30;

    private final Semaphore passes = new Semaphore(0);

    @Test
    void aStartedWorker_runsAPass_andAnotherWhenWoken() throws InterruptedException {
        DeliveryWorker worker = new DeliveryWorker(this::pass, AN_HOUR, true);

        worker.start();
        boolean first = passes.tryAcquire(PATIENCE_SECONDS, TimeUnit.SECONDS);
        worker.wake();
        boolean second = passes.tryAcquire(PATIENCE_SECONDS, TimeUnit.SECONDS);
        worker.stop();

        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(worker.isRunning()).isFalse();
    }

    @Test
    void aPassThatFails_isFollowedByTheNext() throws InterruptedException {
        Semaphore failures = new Semaphore(0);
        DeliveryWorker worker = new DeliveryWorker(() -> {
            if (failures.availablePermits() == 0) {
                failures.release();
                throw new IllegalStateException("the database is away");
            }
            return pass();
        }, AN_HOUR, true);

        worker.start();
        boolean failed = failures.tryAcquire(PATIENCE_SECONDS, TimeUnit.SECONDS);
        failures.release();
        worker.wake();
        boolean passedAfter = passes.tryAcquire(PATIENCE_SECONDS, TimeUnit.SECONDS);
        worker.stop();

        assertThat(failed).isTrue();
        assertThat(passedAfter).isTrue();
    }

    @Test
    void aWorkerTurnedOff_startsNoThread() {
        DeliveryWorker worker = new DeliveryWorker(this::pass, AN_HOUR, false);

        worker.start();
        worker.wake();

        assertThat(worker.isRunning()).isFalse();
        assertThat(passes.availablePermits()).isZero();
    }

    private int pass() {
        passes.release();
        return 0;
    }
}
