package dev.janela.server.connector;

import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.cluster.ClusterJobs;
import dev.janela.server.cluster.Node;
import dev.janela.server.config.JanelaProperties;
import dev.janela.server.config.WithMetaConnector;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.Messages;
import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.GroupCommit;
import dev.janela.server.operations.JanelaMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the queue to Meta within Meta's limits. Each pass takes the sends that are due, oldest first, lets through
 * those the channel's throughput and the customer's pair limit allow ({@link Pacing}), and settles each by Meta's
 * answer ({@link Settlement}). A thread of its own runs passes as sends come and as limits allow
 * ({@link DispatchLoop}); tests run them one at a time instead.
 */
@Component
@WithMetaConnector
public class MetaDispatcher implements InitializingBean, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(MetaDispatcher.class);
    private static final int PASS_SIZE = 500;
    /** How long past Meta's timeout a claimed send may stay unsettled before its process is taken to have died. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    /** The most answers settled in one transaction. */
    private static final int SETTLED_AT_ONCE = 128;

    private final SendQueue queue;
    private final ChannelLeases leases;
    private final Node node;
    private final ClusterJobs jobs;
    private final Dialect dialect;
    private final GraphApi graph;
    private final Channels channels;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;
    private final JanelaProperties.Sending settings;
    private final Pacing pacing;
    private final TransactionTemplate transaction;
    private final Settlement settlement;
    private final GroupCommit<Answered, Settlement.Settled> settlements;
    private final JanelaMetrics metrics;
    private final DispatchLoop loop;

    MetaDispatcher(SendQueue queue, ChannelLeases leases, Node node, ClusterJobs jobs, GraphApi graph,
            Channels channels, Messages messages, ConversationService conversations, JsonMapper json, Clock clock,
            JanelaProperties.Sending settings, PlatformTransactionManager transactions, Dialect dialect,
            JanelaMetrics metrics) {
        metrics.gauge("janela.meta.send.queue", "Sends waiting to reach Meta", () -> queue.waiting());
        metrics.gauge("janela.messages.unknown", "Messages whose send lost Meta's answer", messages::unknownCount);
        metrics.gauge("janela.meta.channels.held", "Channels this node sends for, by the leases it holds",
                () -> leases.held(clock.instant()));
        this.transaction = new TransactionTemplate(transactions);
        this.queue = queue;
        this.leases = leases;
        this.node = node;
        this.jobs = jobs;
        this.dialect = dialect;
        this.graph = graph;
        this.channels = channels;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.pacing = new Pacing(settings.pairInterval(), settings.pairBurst(), settings.throughputMargin());
        this.loop = new DispatchLoop(this::balanceAndPass, this::keepHouseOnce,
                now -> queue.nextDueAfter(node.name(), now), clock);
        this.settlement = new Settlement(queue, messages, conversations, settings, clock);
        this.metrics = metrics;
        // Meta's answers come back as fast as the sends left: settled one transaction each, they were as many commits
        // again as the sends themselves.
        this.settlements = new GroupCommit<>("janela-meta-settlements", dialect.writers(), SETTLED_AT_ONCE,
                transaction, new GroupCommit.Work<>() {
                    @Override
                    public Settlement.Settled together(Answered answered) {
                        return answered.settle(settlement);
                    }

                    @Override
                    public Settlement.Settled alone(Answered answered) {
                        return transaction.execute(status -> answered.settle(settlement));
                    }
                });
    }

    /** Meta's answer to a send, or the failure that stood in for one, waiting to be settled. */
    private record Answered(Channel channel, SendQueue.Queued send, GraphApi.Answer answer, Throwable failure) {
        Settlement.Settled settle(Settlement settlement) {
            return settlement.settle(channel, send, answer, failure);
        }
    }

    /**
     * Sends what is due now and the limits allow, on the channels this node holds, taking first every channel whose
     * sends wait and that nobody holds.
     *
     * @return when every send this pass started is settled
     */
    public CompletableFuture<Void> dispatchDue() {
        leases.takeWaiting(clock.instant());
        return pass().settled();
    }

    /**
     * Settles what no answer will: sends whose process stopped while they were in flight become {@code unknown};
     * messages {@code unknown} for longer than the deadline are flagged for an operator.
     */
    public void keepHouse() {
        Instant now = clock.instant();
        for (SendQueue.Queued lost : queue.abandoned(now.minus(settings.timeout()).minus(ABANDONED_AFTER))) {
            channels.findById(lost.channelId()).ifPresent(channel -> transaction.execute(status ->
                    settlement.unknown(channel, lost, now, "the process sending it stopped before Meta answered"))
                    .count(metrics));
        }
        for (Messages.Overdue overdue : messages.flagUnknownSince(now.minus(settings.unknownDeadline()), now)) {
            LOG.warn("Message {} on channel {} has been unknown since {}: no status from Meta says whether it was"
                    + " sent. An operator should check it and settle it", overdue.wamid(), overdue.phoneNumberId(),
                    overdue.unknownSince());
        }
    }

    /** Keeps house as {@link #keepHouse} does, if no other node has in this round. */
    private void keepHouseOnce() {
        if (jobs.turn("send-housekeeping", DispatchLoop.HOUSEKEEPING_EVERY)) {
            keepHouse();
        }
    }

    /** Wakes the sender: a send was queued on {@code channel}. */
    void wake(Channel channel) {
        Instant now = clock.instant();
        loop.wakeFor(pacing.channelOpensAt(channel.id(), channel.throughput(), now).orElse(now));
    }

    /** What a pass claimed, out of how many sends it read, and when the earliest one the limits held may go. */
    private record Claimed(List<SendQueue.Queued> sends, int read, Optional<Instant> earliestHeld,
            Map<Long, Optional<Channel>> channels, boolean closedAChannel) {
        static final Claimed NOTHING = new Claimed(List.of(), 0, Optional.empty(), Map.of(), false);

        /** Whether the read was full and a channel its throughput now holds took part of it: others may wait past. */
        boolean readPastAClosedChannel() {
            return read == PASS_SIZE && closedAChannel;
        }
    }

    /** A pass of the sender's own thread, which also keeps this node's leases and its share of the channels. */
    private DispatchLoop.Pass balanceAndPass() {
        leases.balanceIfDue(clock.instant());
        return pass();
    }

    private DispatchLoop.Pass pass() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        List<Instant> held = new ArrayList<>();
        Claimed claimed;
        do {
            claimed = claimDue(clock.instant(), held);
            for (SendQueue.Queued send : claimed.sends()) {
                started.add(send(claimed.channels().get(send.channelId()).orElseThrow(), send));
            }
            claimed.earliestHeld().ifPresent(held::add);
            // a channel its throughput held took part of the read: read again, past it, for the other channels' sends
        } while (claimed.readPastAClosedChannel());
        return new DispatchLoop.Pass(CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)),
                held.stream().min(Comparator.naturalOrder()),
                claimed.read() == PASS_SIZE && claimed.earliestHeld().isEmpty());
    }

    /**
     * Claims the sends due at {@code now} that the limits allow; adds to {@code held} when the channels the pass
     * passes over let their sends go again.
     */
    private Claimed claimDue(Instant now, List<Instant> held) {
        // The sends of a channel its throughput holds are passed over, not read: a channel with hundreds waiting
        // would otherwise fill each pass's read, and keep another channel's sends out of it until it drained.
        Map<Long, Instant> closed = pacing.closed(now);
        held.addAll(closed.values());
        // One transaction claims the sends the limits allow, so that they leave together, close to the time the limits
        // counted. On PostgreSQL it reads them too, locked, so that another node's pass passes them by. SQLite's
        // transaction would hold the store's write lock, which reading hundreds of sends should not: they are read
        // first, and an idle pass, four a second, takes no write lock at all.
        Claimed claimed;
        if (dialect.transactionsLockTheStore()) {
            List<SendQueue.Due> due = due(now, closed);
            claimed = due.isEmpty() ? Claimed.NOTHING : transaction.execute(status -> claim(due, now));
        } else {
            claimed = transaction.execute(status -> claim(due(now, closed), now));
        }
        if (!claimed.sends().isEmpty()) {
            // a claim that waited for a busy database would otherwise let the next pass's sends reach Meta in the
            // same second as these
            pacing.left(now, clock.instant());
        }
        return claimed;
    }

    private List<SendQueue.Due> due(Instant now, Map<Long, Instant> closed) {
        return queue.due(node.name(), now, PASS_SIZE, closed.keySet());
    }

    private Claimed claim(List<SendQueue.Due> due, Instant now) {
        Map<Long, Optional<Channel>> channelsById = new HashMap<>();
        Set<String> held = new HashSet<>();
        Set<Long> closed = new HashSet<>();
        Instant earliestHeld = null;
        List<SendQueue.Due> allowed = new ArrayList<>();
        for (SendQueue.Due each : due) {
            SendQueue.Queued send = each.send();
            String pair = send.channelId() + "/" + send.customer();
            Optional<Channel> channel = channelsById.computeIfAbsent(send.channelId(), channels::findById);
            if (channel.isEmpty() || closed.contains(send.channelId()) || held.contains(pair)) {
                continue;
            }
            int throughput = channel.get().throughput();
            Optional<Instant> wait = pacing.take(send.channelId(), throughput, send.customer(), now);
            if (wait.isPresent()) {
                // once the channel's throughput holds one, it holds the pass's other sends of the channel alike
                if (pacing.channelOpensAt(send.channelId(), throughput, now).isPresent()) {
                    closed.add(send.channelId());
                } else {
                    held.add(pair);
                }
                earliestHeld = earliestHeld == null || wait.get().isBefore(earliestHeld) ? wait.get() : earliestHeld;
            } else {
                allowed.add(each);
            }
        }
        List<SendQueue.Queued> claimed = allowed.isEmpty() ? List.of() : queue.claim(node.name(), allowed, now);
        return new Claimed(claimed, due.size(), Optional.ofNullable(earliestHeld), channelsById, !closed.isEmpty());
    }

    private CompletableFuture<Void> send(Channel channel, SendQueue.Queued send) {
        CompletableFuture<GraphApi.Answer> answer;
        try {
            answer = graph.postAsync(channel.phoneNumberId() + "/messages", json.readTree(send.request()));
        } catch (RuntimeException failure) {
            answer = CompletableFuture.failedFuture(failure);
        }
        return answer.handle((answered, failure) -> new Answered(channel, send, answered, failure))
                .thenCompose(answered -> settlements.submit(Long.hashCode(send.messageId()), answered))
                .handle((settled, settling) -> {
                    if (settling != null) {
                        LOG.error("The send of {} could not be settled; it stays claimed and becomes unknown",
                                send.wamid(), settling);
                        return null;
                    }
                    settled.count(metrics);
                    if (settled.retried()) {
                        loop.wake();
                    }
                    return null;
                });
    }

    @Override
    public void afterPropertiesSet() {
        if (settings.dispatcher()) {
            loop.start();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        loop.stop();
        settlements.close();
        try {
            leases.releaseAll(clock.instant());
        } catch (RuntimeException unreachable) {
            LOG.warn("This node's channels could not be let go; other nodes take them when the leases run out ({})",
                    unreachable.getMessage());
        }
    }
}
