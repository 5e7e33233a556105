package dev.janela.server.retention;

import dev.janela.server.cluster.ClusterJobs;
import dev.janela.server.conversation.ProcessedEvents;
import dev.janela.server.send.IdempotencyKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Forgets the markers that only matter while a repeat may come: the webhook events already applied, and the
 * {@code Idempotency-Key}s already answered. Meta delivers a webhook again for up to 7 days, and Janela keeps a key as
 * long; after that a repeat is taken for new. Without this, the store grows with every webhook for good. Runs once an
 * hour, in batches, so that no one transaction holds the store for long.
 */
@Component
public class Retention implements InitializingBean, DisposableBean {
    /** How long Meta may deliver a webhook again, and clients may retry a send with its key. */
    static final Duration KEEP_FOR = Duration.ofDays(7);
    private static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final ProcessedEvents processedEvents;
    private final IdempotencyKeys idempotencyKeys;
    private final ClusterJobs jobs;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    Retention(ProcessedEvents processedEvents, IdempotencyKeys idempotencyKeys, ClusterJobs jobs, Clock clock) {
        this.processedEvents = processedEvents;
        this.jobs = jobs;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /** What one pass forgot. */
    public record Forgotten(long processedEvents, long idempotencyKeys) {
    }

    /** Forgets every marker older than the time a repeat may come in, now. */
    public Forgotten forgetExpired() {
        Instant before = clock.instant().minus(KEEP_FOR);
        return new Forgotten(inBatches(processedEvents::forgetBefore, before),
                inBatches(idempotencyKeys::forgetBefore, before));
    }

    private static long inBatches(BiFunction<Instant, Integer, Integer> forget, Instant before) {
        long forgotten = 0;
        int batch;
        do {
            batch = forget.apply(before, BATCH);
            forgotten += batch;
        } while (batch == BATCH);
        return forgotten;
    }

    @Override
    public void afterPropertiesSet() {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "janela-retention");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::forgetQuietly, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    private void forgetQuietly() {
        if (!jobs.turn("retention", EVERY)) {
            return;
        }
        try {
            Forgotten forgotten = forgetExpired();
            if (forgotten.processedEvents() + forgotten.idempotencyKeys() > 0) {
                LOG.info("Forgot {} applied webhook events and {} idempotency keys older than {} days",
                        forgotten.processedEvents(), forgotten.idempotencyKeys(), KEEP_FOR.toDays());
            }
        } catch (RuntimeException failure) {
            LOG.warn("Old markers were not forgotten this time; the next pass tries again: {}", failure.getMessage());
        }
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
