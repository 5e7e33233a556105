package dev.janela.server.notify;

import dev.janela.server.config.DeliverySettings;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The thread that sends events in the background, started and stopped with Janela: it runs a pass of
 * {@link OutboxDelivery} when woken, which every commit that wrote events does, and at least every poll interval,
 * for retries falling due and for events other processes wrote. Off when {@code janela.webhooks.deliver-in-background}
 * is false, as in tests, which run passes themselves.
 */
@Component
class DeliveryWorker implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** How long stopping waits for a pass under way to notice, before Janela's shutdown goes on without it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final IntSupplier pass;
    private final Duration pollInterval;
    private final boolean enabled;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread thread;

    @Autowired
    DeliveryWorker(OutboxDelivery delivery, DeliverySettings settings) {
        this(delivery::deliverDue, settings.pollInterval(), settings.deliverInBackground());
    }

    /** A worker that runs {@code pass}: the delivery's, or a test's. */
    DeliveryWorker(IntSupplier pass, Duration pollInterval, boolean enabled) {
        this.pass = pass;
        this.pollInterval = pollInterval;
        this.enabled = enabled;
    }

    /** Asks for a pass now rather than at the next poll; several wake-ups before it runs make one pass. */
    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Asks for a pass once the current transaction commits, when what it wrote can be read; at once if there is
     * none. A transaction that rolls back asks for nothing.
     */
    void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    @Override
    public synchronized void start() {
        if (!enabled || isRunning()) {
            return;
        }
        Thread worker = new Thread(this::run, "janela-webhooks");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    @Override
    public synchronized void stop() {
        Thread worker = thread;
        thread = null;
        if (worker == null) {
            return;
        }
        worker.interrupt();
        try {
            worker.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        Thread worker = thread;
        return worker != null && worker.isAlive();
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            runPass();
            try {
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    private void runPass() {
        try {
            pass.getAsInt();
        } catch (RuntimeException failure) {
            // The database may be away for a moment: the next pass tries again, and no event is lost meanwhile.
            LOG.error("A pass of webhook deliveries failed; the next one tries again", failure);
        }
    }
}
