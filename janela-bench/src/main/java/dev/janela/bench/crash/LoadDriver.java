package dev.janela.bench.crash;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the traffic plan against the server with a fixed number of workers, and retries as Meta and clients do: a
 * delivery not answered 200 (no answer because the server died, or a 5xx) is delivered again until it is; a send
 * without a final answer (no answer, 5xx, or 409 while its key is in flight) is sent again with the same key and
 * body until it gets one. Retries wait in a queue, each until its time; a worker takes a due retry before new
 * traffic.
 *
 * <p>A gate stops the workers while the server is down: {@link #close()} lets the requests in flight run into the
 * kill, and no new one starts until {@link #open()}. Thread-safe.
 */
final class LoadDriver {
    /** Meta backs off between redeliveries; the suite compresses that to a moment. */
    private static final Duration RETRY_DELAY = Duration.ofMillis(250);
    /** A key in flight is asked again after this; one whose request died with the server is free after a minute. */
    private static final Duration IN_FLIGHT_DELAY = Duration.ofSeconds(3);
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final JanelaClient client;
    private final TrafficPlan plan;
    private final String phoneNumberId;
    private final Clock clock;
    private final DelayQueue<Retry> retries = new DelayQueue<>();
    private final Set<Object> retrying = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Thread> workers = new ArrayList<>();
    private boolean open;
    private boolean newTraffic = true;
    private boolean stopped;
    private int busy;

    LoadDriver(JanelaClient client, TrafficPlan plan, String phoneNumberId, Clock clock) {
        this.client = client;
        this.plan = plan;
        this.phoneNumberId = phoneNumberId;
        this.clock = clock;
    }

    /** Starts {@code concurrency} workers behind the closed gate. */
    void start(int concurrency) {
        for (int index = 0; index < concurrency; index++) {
            Thread worker = new Thread(this::work, "crash-load-" + index);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    void open() {
        signalling(() -> open = true);
    }

    /** Stops workers from starting anything new; what is in flight goes on. */
    void close() {
        signalling(() -> open = false);
    }

    /** From now on only retries: no new traffic. */
    void stopNewTraffic() {
        signalling(() -> newTraffic = false);
    }

    /** How many operations are in flight now. */
    int inFlight() {
        lock.lock();
        try {
            return busy;
        } finally {
            lock.unlock();
        }
    }

    /** How many deliveries and keys wait for a retry. */
    int waiting() {
        return retrying.size();
    }

    /** Waits until nothing is in flight, once the gate is closed. */
    void awaitIdle() throws InterruptedException {
        lock.lock();
        try {
            while (busy > 0) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits, up to {@code limit}, until every delivery has been acknowledged and every key has its final answer.
     *
     * @return whether that happened within the limit
     */
    boolean awaitSettled(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        lock.lock();
        try {
            while (busy > 0 || !retrying.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(Math.min(left, IDLE_WAIT_NANOS));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        signalling(() -> stopped = true);
        workers.forEach(Thread::interrupt);
    }

    private void work() {
        try {
            for (TrafficPlan.Operation operation = take(); operation != null; operation = take()) {
                try {
                    execute(operation);
                } finally {
                    signalling(() -> busy--);
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next operation once the gate is open: a due retry, else new traffic, else the next retry when due. */
    private TrafficPlan.Operation take() throws InterruptedException {
        lock.lock();
        try {
            while (!stopped) {
                Retry due = open ? retries.poll() : null;
                if (due != null) {
                    retrying.remove(due.item());
                    busy++;
                    return due.operation();
                }
                if (open && newTraffic) {
                    busy++;
                    return plan.next();
                }
                changed.awaitNanos(IDLE_WAIT_NANOS);
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void execute(TrafficPlan.Operation operation) {
        if (operation instanceof TrafficPlan.Deliver deliver) {
            deliver(deliver.delivery(), deliver.copies());
        } else if (operation instanceof TrafficPlan.Send send) {
            send(send.send(), send.copies());
        }
    }

    private void deliver(WebhookDelivery delivery, int copies) {
        List<CompletableFuture<JanelaClient.Answer>> attempts = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            attempts.add(client.deliver(delivery.body()));
        }
        for (CompletableFuture<JanelaClient.Answer> attempt : attempts) {
            try {
                delivery.answered(attempt.join().status(), clock.instant());
            } catch (CompletionException unanswered) {
                delivery.unanswered();
            }
        }
        if (!delivery.isAcknowledged()) {
            retryLater(delivery, new TrafficPlan.Deliver(delivery, 1), RETRY_DELAY);
        }
    }

    private void send(KeyedSend send, int copies) {
        List<CompletableFuture<JanelaClient.Answer>> requests = new ArrayList<>();
        List<Instant> sentAt = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            Instant now = clock.instant();
            send.sending(now);
            sentAt.add(now);
            requests.add(client.send(phoneNumberId, send.key(), send.body()));
        }
        boolean inFlight = false;
        for (int index = 0; index < copies; index++) {
            try {
                JanelaClient.Answer answer = requests.get(index).join();
                send.answered(new KeyedSend.Response(answer.status(), answer.body(), sentAt.get(index),
                        clock.instant()));
                inFlight |= answer.status() == 409;
            } catch (CompletionException unanswered) {
                send.unanswered();
            }
        }
        if (!send.isFinal()) {
            retryLater(send, new TrafficPlan.Send(send, 1), inFlight ? IN_FLIGHT_DELAY : RETRY_DELAY);
        }
    }

    /** Queues a retry of {@code item}, unless one is queued already (a duplicate may have failed beside it). */
    private void retryLater(Object item, TrafficPlan.Operation operation, Duration delay) {
        if (retrying.add(item)) {
            retries.add(new Retry(item, operation, System.nanoTime() + delay.toNanos()));
        }
    }

    private void signalling(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** An operation to run again once {@code dueNanos} (of {@link System#nanoTime()}) has come. */
    private record Retry(Object item, TrafficPlan.Operation operation, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
