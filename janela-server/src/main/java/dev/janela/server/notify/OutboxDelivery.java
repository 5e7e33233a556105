package dev.janela.server.notify;

import dev.janela.server.cluster.ClusterJobs;
import dev.janela.server.config.DeliverySettings;
import dev.janela.server.operations.JanelaMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A pass of sending: every event due is sent to its receiver, one at a time, oldest due first. A receiver that takes
 * an event (2xx) has it delivered; any other answer, or none, is a failed attempt, after which the event waits
 * ({@link Backoff}) and, after {@link DeliverySettings#maxAttempts()} of them, is failed for good. Delivery is at
 * least once: an event whose answer was lost is sent again, under the same event id.
 */
@Component
class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final Outbox outbox;
    private final HttpEventSender sender;
    private final Clock clock;
    private final DeliverySettings settings;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final JanelaMetrics metrics;
    private final ClusterJobs jobs;

    @Autowired
    OutboxDelivery(Outbox outbox, HttpEventSender sender, Clock clock, DeliverySettings settings,
            JanelaMetrics metrics, ClusterJobs jobs) {
        this(outbox, sender, clock, settings, new Random(), metrics, jobs);
    }

    /** A pass whose waits are spread by {@code random}: a test's, to know them exactly. */
    OutboxDelivery(Outbox outbox, HttpEventSender sender, Clock clock, DeliverySettings settings,
            RandomGenerator random, JanelaMetrics metrics, ClusterJobs jobs) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetryDelay());
        this.random = random;
    }

    private enum Outcome { DELIVERED, FAILED }

    /** How often the delivery log is cleared of what is older than it keeps. */
    private static final Duration FORGET_EVERY = Duration.ofHours(1);
    private Instant forgotten = Instant.MIN;

    /**
     * Sends every event due now, until none is. Once a receiver has failed, the rest of its subscription's events
     * wait for the next pass: a receiver that is down, or slow to time out, costs a pass one attempt, and the other
     * receivers do not wait behind its backlog.
     *
     * @return how many events receivers took in this pass
     */
    int deliverDue() {
        forgetOld();
        Set<Long> failing = new HashSet<>();
        int delivered = 0;
        try {
            Optional<Outbox.Due> next = claimNext(failing);
            while (next.isPresent()) {
                Outbox.Due event = next.get();
                if (attempt(event) == Outcome.DELIVERED) {
                    delivered++;
                } else {
                    failing.add(event.subscriptionId());
                }
                next = claimNext(failing);
            }
        } catch (InterruptedException stopping) {
            // Janela is stopping: the event being sent stays claimed until its lease ends, then is sent again.
            Thread.currentThread().interrupt();
        }
        return delivered;
    }

    private Optional<Outbox.Due> claimNext(Set<Long> failing) {
        Instant now = clock.instant();
        return outbox.claimNext(now, now.plus(settings.lease()), failing);
    }

    /**
     * Deletes, once an hour at most in the whole cluster, the delivered and failed events older than the log keeps
     * them.
     */
    private void forgetOld() {
        Instant now = clock.instant();
        if (Duration.between(forgotten, now).compareTo(FORGET_EVERY) < 0) {
            return;
        }
        forgotten = now;
        if (jobs.turn("delivery-log", FORGET_EVERY)) {
            int forgot = outbox.forget(now.minus(settings.keepFor()));
            if (forgot > 0) {
                LOG.info("The delivery log forgot {} events delivered or failed over {} ago", forgot,
                        settings.keepFor());
            }
        }
    }

    private Outcome attempt(Outbox.Due event) throws InterruptedException {
        Instant at = clock.instant();
        Optional<String> error = sender.send(event, at);
        int attempts = event.attempts() + 1;
        Instant finished = clock.instant();
        if (error.isEmpty()) {
            outbox.delivered(event.id(), attempts, at);
            metrics.eventDelivery("delivered");
            return Outcome.DELIVERED;
        }
        Optional<Instant> next = attempts >= settings.maxAttempts() ? Optional.empty()
                : Optional.of(finished.plus(backoff.after(attempts, random)));
        outbox.failed(event.id(), attempts, at, error.get(), next);
        metrics.eventDelivery(next.isEmpty() ? "failed" : "retried");
        if (next.isEmpty()) {
            LOG.warn("Event {} ({}) was not taken by the receiver of subscription {} in {} attempts, the last: {};"
                    + " it is failed, and is sent again only if redelivered", event.eventId(),
                    event.type().wireName(), event.subscriptionId(), attempts, error.get());
        } else {
            LOG.debug("Event {} to subscription {}, attempt {}: {}; next at {}", event.eventId(),
                    event.subscriptionId(), attempts, error.get(), next.get());
        }
        return Outcome.FAILED;
    }
}
