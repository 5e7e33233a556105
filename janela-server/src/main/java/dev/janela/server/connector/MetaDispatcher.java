package dev.janela.server.connector;

import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.config.JanelaProperties;
import dev.janela.server.message.MessageState;
import dev.janela.server.message.Messages;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.webhook.StatusUpdates;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the queue to Meta within Meta's limits. Each pass takes the sends that are due, oldest first, lets through
 * those the channel's throughput and the customer's pair limit allow, and settles each by Meta's answer:
 * <ul>
 * <li>an id: recorded beside Janela's; Meta's status webhooks take the message from there;</li>
 * <li>a limit (130429, 131056...), Meta's servers failing, or no connection: tried again later, with exponential
 *     backoff and jitter, until the attempts run out and the message fails;</li>
 * <li>any other error: the message fails with Meta's code, and its charge is reversed;</li>
 * <li>no answer (a timeout, a connection lost once the request was written): the message is {@code unknown}. It is
 *     never sent again, since Meta may have it; a status webhook settles it, or an operator once it is flagged.</li>
 * </ul>
 * A thread of its own runs passes as sends come and as limits allow; tests run them one at a time instead.
 */
@Component
@ConditionalOnProperty(name = "janela.connector", havingValue = "meta")
public class MetaDispatcher implements InitializingBean, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(MetaDispatcher.class);
    private static final int PASS_SIZE = 500;
    private static final Duration LONGEST_NAP = Duration.ofSeconds(1);
    private static final Duration SHORTEST_NAP = Duration.ofMillis(5);
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(30);
    /** How long past Meta's timeout a claimed send may stay unsettled before its process is taken to have died. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final SendQueue queue;
    private final GraphApi graph;
    private final Channels channels;
    private final Messages messages;
    private final StatusUpdates statuses;
    private final JsonMapper json;
    private final Clock clock;
    private final JanelaProperties.Sending settings;
    private final Pacing pacing;
    private final TransactionTemplate transaction;
    private final JanelaMetrics metrics;
    private final RandomGenerator jitter = RandomGenerator.getDefault();
    private final Object nap = new Object();
    private Thread thread;
    private volatile boolean running;
    private boolean woken;
    /** The earliest time a send the last pass held for the limits may go; null when it held none. */
    private volatile Instant heldUntil;
    /** Whether the last pass left due sends the limits would let go: it took as many as a pass takes, held none. */
    private volatile boolean moreDue;

    MetaDispatcher(SendQueue queue, GraphApi graph, Channels channels, Messages messages, StatusUpdates statuses,
            JsonMapper json, Clock clock, JanelaProperties properties, PlatformTransactionManager transactions,
            JanelaMetrics metrics) {
        this.metrics = metrics;
        metrics.gauge("janela.meta.send.queue", "Sends waiting to reach Meta", () -> queue.waiting());
        metrics.gauge("janela.messages.unknown", "Messages whose send lost Meta's answer", messages::unknownCount);
        this.transaction = new TransactionTemplate(transactions);
        this.queue = queue;
        this.graph = graph;
        this.channels = channels;
        this.messages = messages;
        this.statuses = statuses;
        this.json = json;
        this.clock = clock;
        this.settings = properties.meta().sending();
        this.pacing = new Pacing(settings.pairInterval(), settings.pairBurst());
    }

    /**
     * Sends what is due now and the limits allow.
     *
     * @return when every send this pass started is settled
     */
    public CompletableFuture<Void> dispatchDue() {
        Instant now = clock.instant();
        Map<Long, Optional<Channel>> channelsById = new HashMap<>();
        Set<String> held = new HashSet<>();
        Instant earliestHeld = null;
        List<SendQueue.Queued> allowed = new ArrayList<>();
        List<SendQueue.Queued> due = queue.due(now, PASS_SIZE);
        for (SendQueue.Queued send : due) {
            String pair = send.channelId() + "/" + send.waId();
            Optional<Channel> channel = channelsById.computeIfAbsent(send.channelId(), channels::findById);
            if (channel.isEmpty() || held.contains(pair)) {
                continue;
            }
            Optional<Instant> wait = pacing.take(send.channelId(), channel.get().throughput(), send.waId(), now);
            if (wait.isPresent()) {
                held.add(pair);
                earliestHeld = earliestHeld == null || wait.get().isBefore(earliestHeld) ? wait.get() : earliestHeld;
            } else {
                allowed.add(send);
            }
        }
        // One commit claims the pass's sends, so that they leave together, close to the time the limits counted.
        List<SendQueue.Queued> claimed = transaction.execute(status -> allowed.stream()
                .filter(send -> queue.claim(send.messageId(), now)).toList());
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (SendQueue.Queued send : claimed) {
            started.add(send(channelsById.get(send.channelId()).orElseThrow(), send));
        }
        heldUntil = earliestHeld;
        moreDue = due.size() == PASS_SIZE && earliestHeld == null;
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    }

    /**
     * Settles what no answer will: sends whose process stopped while they were in flight become {@code unknown};
     * messages {@code unknown} for longer than the deadline are flagged for an operator.
     */
    public void keepHouse() {
        Instant now = clock.instant();
        for (SendQueue.Queued lost : queue.abandoned(now.minus(settings.timeout()).minus(ABANDONED_AFTER))) {
            channels.findById(lost.channelId()).ifPresent(channel -> transaction.executeWithoutResult(status ->
                    unknown(channel, lost, now, "the process sending it stopped before Meta answered")));
        }
        for (Messages.Overdue overdue : messages.flagUnknownSince(now.minus(settings.unknownDeadline()), now)) {
            LOG.warn("Message {} on channel {} has been unknown since {}: no status from Meta says whether it was"
                    + " sent. An operator should check it and settle it", overdue.wamid(), overdue.phoneNumberId(),
                    overdue.unknownSince());
        }
    }

    /** Wakes the thread: a send was queued. */
    void wake() {
        synchronized (nap) {
            woken = true;
            nap.notifyAll();
        }
    }

    private CompletableFuture<Void> send(Channel channel, SendQueue.Queued send) {
        CompletableFuture<GraphApi.Answer> answer;
        try {
            answer = graph.postAsync(channel.phoneNumberId() + "/messages", json.readTree(send.request()));
        } catch (RuntimeException failure) {
            answer = CompletableFuture.failedFuture(failure);
        }
        return answer.handle((answered, failure) -> {
            try {
                transaction.executeWithoutResult(status -> settle(channel, send, answered, failure));
            } catch (RuntimeException settling) {
                LOG.error("The send of {} could not be settled; it stays claimed and becomes unknown", send.wamid(),
                        settling);
            }
            return null;
        });
    }

    private void settle(Channel channel, SendQueue.Queued send, GraphApi.Answer answer, Throwable failure) {
        Instant now = clock.instant();
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                retryOrFail(channel, send, now, "could not connect to Meta: " + cause.getClass().getSimpleName(),
                        131000);
            } else if (cause instanceof IOException) {
                unknown(channel, send, now, "no answer from Meta: " + cause.getClass().getSimpleName());
            } else {
                LOG.error("The send of {} failed before it reached Meta", send.wamid(), cause);
                fail(channel, send, now, 131000);
            }
            return;
        }
        if (answer.isSuccess()) {
            String metaWamid = answer.body().path("messages").path(0).path("id").asString("");
            if (metaWamid.isEmpty()) {
                unknown(channel, send, now, "Meta's answer named no message id");
                return;
            }
            messages.recordMetaWamid(send.messageId(), metaWamid);
            queue.remove(send.messageId());
            metrics.metaSend("sent", "");
            return;
        }
        GraphError error = answer.error();
        if (error.isTransient()) {
            retryOrFail(channel, send, now, error.describe(), error.messageCode());
        } else {
            LOG.warn("Meta refused message {} on channel {}: {}", send.wamid(), channel.phoneNumberId(),
                    error.describe());
            fail(channel, send, now, error.messageCode());
        }
    }

    private void retryOrFail(Channel channel, SendQueue.Queued send, Instant now, String problem, int code) {
        int attempts = send.attempts() + 1;
        if (attempts >= settings.attempts()) {
            LOG.warn("Message {} on channel {} failed after {} attempts: {}", send.wamid(), channel.phoneNumberId(),
                    attempts, problem);
            fail(channel, send, now, code);
            return;
        }
        queue.retryLater(send.messageId(), attempts, now.plus(backoff(attempts)), problem);
        metrics.metaSend("retried", Integer.toString(code));
        wake();
    }

    /** The delay before attempt {@code attempts + 1}: doubling from the base up to the cap, the upper half random. */
    private Duration backoff(int attempts) {
        Duration full = settings.retryBase().multipliedBy(1L << Math.min(attempts - 1, 30));
        Duration capped = full.compareTo(settings.retryCap()) > 0 ? settings.retryCap() : full;
        long half = capped.toMillis() / 2;
        return Duration.ofMillis(half + jitter.nextLong(half + 1));
    }

    private void fail(Channel channel, SendQueue.Queued send, Instant now, int code) {
        statuses.apply(channel, send.wamid(), MessageState.FAILED, now, code);
        queue.remove(send.messageId());
        metrics.metaSend("failed", Integer.toString(code));
    }

    private void unknown(Channel channel, SendQueue.Queued send, Instant now, String why) {
        LOG.warn("Message {} on channel {} is unknown ({}); it is not sent again. A status from Meta will settle"
                + " it", send.wamid(), channel.phoneNumberId(), why);
        statuses.apply(channel, send.wamid(), MessageState.UNKNOWN, now, null);
        queue.remove(send.messageId());
        metrics.metaSend("unknown", "");
    }

    @Override
    public void afterPropertiesSet() {
        if (!settings.dispatcher()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "janela-meta-sender");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Instant lastHousekeeping = Instant.MIN;
        while (running) {
            try {
                dispatchDue();
                Instant now = clock.instant();
                if (Duration.between(lastHousekeeping, now).compareTo(HOUSEKEEPING_EVERY) >= 0) {
                    keepHouse();
                    lastHousekeeping = now;
                }
                napUntil(nextPass(now));
            } catch (RuntimeException failure) {
                LOG.error("A pass over the send queue failed; the next one tries again", failure);
                napUntil(clock.instant().plus(LONGEST_NAP));
            }
        }
    }

    /** When the next pass has work: more due sends, one the limits held, or a retry coming due. */
    private Instant nextPass(Instant now) {
        if (moreDue) {
            return now;
        }
        Instant next = queue.nextDueAfter(now).orElse(now.plus(LONGEST_NAP));
        Instant held = heldUntil;
        return held != null && held.isBefore(next) ? held : next;
    }

    private void napUntil(Instant next) {
        Duration nap = Duration.between(clock.instant(), next);
        // Rounded up: a pass woken a little early finds the limits still closed, and naps again.
        long millis = Math.max(SHORTEST_NAP.toMillis(), Math.min(LONGEST_NAP.toMillis(),
                nap.plusNanos(999_999).toMillis()));
        synchronized (this.nap) {
            if (!woken) {
                try {
                    this.nap.wait(millis);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(LONGEST_NAP.multipliedBy(2).toMillis());
        }
    }
}
