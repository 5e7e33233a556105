package dev.janela.server.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender's own thread: it runs a pass over the queue as sends come and as limits allow, napping in between for
 * no longer than the next pass has nothing to do, and has house kept every half minute.
 */
final class DispatchLoop {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchLoop.class);
    private static final Duration LONGEST_NAP = Duration.ofSeconds(1);
    private static final Duration SHORTEST_NAP = Duration.ofMillis(5);
    /** How long the loop naps with nothing to do: a send queued through another node does not wake this one. */
    private static final Duration IDLE_NAP = Duration.ofMillis(250);
    static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(30);

    /** What a pass started, and when the next one has work. */
    record Pass(CompletableFuture<Void> settled, Optional<Instant> heldUntil, boolean moreDue) {
    }

    private final Supplier<Pass> pass;
    private final Runnable keepHouse;
    private final Function<Instant, Optional<Instant>> nextDueAfter;
    private final Clock clock;
    private final Object nap = new Object();
    private Thread thread;
    private volatile boolean running;
    private boolean woken;
    /** When the thread's nap ends, while it naps. */
    private Instant napEnds;

    /**
     * @param pass runs one pass over the queue
     * @param keepHouse settles what no answer will
     * @param nextDueAfter when the queue's next send falls due after an instant, if any does
     */
    DispatchLoop(Supplier<Pass> pass, Runnable keepHouse, Function<Instant, Optional<Instant>> nextDueAfter,
            Clock clock) {
        this.pass = pass;
        this.keepHouse = keepHouse;
        this.nextDueAfter = nextDueAfter;
        this.clock = clock;
    }

    void start() {
        running = true;
        thread = new Thread(this::run, "janela-meta-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Wakes the thread: a send was queued, or one is to be tried again. */
    void wake() {
        synchronized (nap) {
            woken = true;
            nap.notifyAll();
        }
    }

    /**
     * Wakes the thread for a send queued that the limits hold until {@code opens}, unless it naps until then or less:
     * the pass it naps for takes the send, or finds it held and naps until it may go. Each commit of sends would
     * otherwise wake it, while the throughput holds them, for a pass that reads the queue and sends nothing.
     */
    void wakeFor(Instant opens) {
        synchronized (nap) {
            if (napEnds != null && !napEnds.isAfter(opens)) {
                return;
            }
            woken = true;
            nap.notifyAll();
        }
    }

    void stop() throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(LONGEST_NAP.multipliedBy(2).toMillis());
        }
    }

    private void run() {
        Instant lastHousekeeping = Instant.MIN;
        while (running) {
            try {
                Pass last = pass.get();
                Instant now = clock.instant();
                if (Duration.between(lastHousekeeping, now).compareTo(HOUSEKEEPING_EVERY) >= 0) {
                    keepHouse.run();
                    lastHousekeeping = now;
                }
                napUntil(nextPass(last, now));
            } catch (RuntimeException failure) {
                LOG.error("A pass over the send queue failed; the next one tries again", failure);
                napUntil(clock.instant().plus(LONGEST_NAP));
            }
        }
    }

    /** When the next pass has work: more due sends, one the limits held, or a retry coming due. */
    private Instant nextPass(Pass last, Instant now) {
        if (last.moreDue()) {
            return now;
        }
        Instant next = nextDueAfter.apply(now).orElse(now.plus(IDLE_NAP));
        return last.heldUntil().filter(held -> held.isBefore(next)).orElse(next);
    }

    private void napUntil(Instant next) {
        Duration left = Duration.between(clock.instant(), next);
        // Rounded up: a pass woken a little early finds the limits still closed, and naps again.
        long millis = Math.max(SHORTEST_NAP.toMillis(), Math.min(LONGEST_NAP.toMillis(),
                left.plusNanos(999_999).toMillis()));
        synchronized (nap) {
            if (!woken) {
                napEnds = clock.instant().plusMillis(millis);
                try {
                    nap.wait(millis);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
                napEnds = null;
            }
            woken = false;
        }
    }
}
