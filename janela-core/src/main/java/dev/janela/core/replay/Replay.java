package dev.janela.core.replay;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.Event;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.Decision;
import dev.janela.core.ledger.Charge;
import dev.janela.core.market.ConversationMarkets;
import dev.janela.core.plan.PricingPlan;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.core.pricing.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Rates a recorded traffic log through the engine: events in time order (ties keep file order) whatever order the
 * file has, duplicates dropped by id in file order (R12), malformed lines reported with their line number and
 * skipped (or fatal in strict mode).
 *
 * <p>Lines are parsed on all the threads the settings allow. Rating keeps each conversation's events in time order;
 * when no ledger is asked for and the plan counts nothing per account, conversations are shared out among the
 * threads, since each conversation's charges then depend on its own events alone. The log is one account's: the
 * monthly counts of Meta's free tiers and volume tiers count all its conversations together.
 *
 * <p>Memory: about 50 bytes per line, whatever the size of the lines; the log itself, ids included, is read in
 * place.
 */
public final class Replay {
    private static final int PROGRESS_EVERY = 1 << 16;
    /**
     * Conversations are shared out in blocks of this many consecutive numbers, so that two threads never write to
     * the same cache line of the state arrays.
     */
    private static final int CONVERSATION_BLOCK = 16;

    private final ReplaySettings settings;
    private final int minChunkBytes;

    public Replay(ReplaySettings settings) {
        this(settings, ParsedLog.MIN_CHUNK_BYTES);
    }

    /** A replay that parses in chunks as small as {@code minChunkBytes}, so that tests exercise their borders. */
    Replay(ReplaySettings settings, int minChunkBytes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.minChunkBytes = minChunkBytes;
    }

    /**
     * Replays {@code source}, handing every charge row to {@code ledger} in the order it is made: by time, ties in
     * file order.
     *
     * @throws dev.janela.core.JanelaException if a price is missing, no rate card is in force at an event's time,
     *     or (in strict mode) a line is malformed
     */
    public ReplayResult run(EventSource source, Consumer<Charge> ledger, ReplayListener listener) {
        Objects.requireNonNull(ledger, "ledger");
        return replay(source, ledger, listener);
    }

    /**
     * Replays {@code source} for its totals alone, rating conversations on several threads.
     *
     * @throws dev.janela.core.JanelaException as {@link #run(EventSource, Consumer, ReplayListener)} does
     */
    public ReplayResult run(EventSource source, ReplayListener listener) {
        return replay(source, null, listener);
    }

    /**
     * Replays {@code source} once for each of {@code engines}, reading it once: the same traffic priced under
     * several plans, for comparing them. The settings' engine is not used.
     *
     * @return one result for each engine, in their order
     * @throws dev.janela.core.JanelaException as {@link #run(EventSource, Consumer, ReplayListener)} does
     */
    public List<ReplayResult> compare(EventSource source, List<ConversationEngine> engines,
            ReplayListener listener) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(listener, "listener");
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: no engines");
        }
        return replay(source, engines, null, listener);
    }

    private ReplayResult replay(EventSource source, Consumer<Charge> ledger, ReplayListener listener) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(listener, "listener");
        return replay(source, List.of(settings.engine()), ledger, listener).get(0);
    }

    private List<ReplayResult> replay(EventSource source, List<ConversationEngine> engines,
            Consumer<Charge> ledger, ReplayListener listener) {
        ExecutorService threads = Executors.newFixedThreadPool(settings.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "janela-replay");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ParsedLog log = ParsedLog.parse(source, threads, settings.parallelism(), minChunkBytes,
                    settings.strict(), listener);
            Future<int[]> order = threads.submit(() -> TimeOrder.of(log));
            Conversations conversations = Conversations.index(log);
            int[] timeOrder = Tasks.await(order);
            List<ReplayResult> results = new ArrayList<>();
            for (ConversationEngine engine : engines) {
                results.add(rate(new Job(engine, log, conversations, timeOrder), ledger, listener, threads));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private ReplayResult rate(Job job, Consumer<Charge> ledger, ReplayListener listener,
            ExecutorService threads) {
        job.findConversations(threads, settings.parallelism());
        // A ledger is written in time order, and monthly counts make one conversation's charges depend on the
        // others': both need every event rated in one time-ordered pass.
        boolean independent = ledger == null && !job.engine.plan().countsPerAccount();
        int partitions = independent ? Math.min(settings.parallelism(), job.blocks()) : 1;
        List<Rater> raters = Tasks.onAllParts(threads, partitions, partition -> partition == 0
                ? new Rater(job, 0, partitions, ledger == null ? charge -> { } : ledger, listener).rateAll()
                : new Rater(job, partition, partitions, charge -> { }, ReplayListener.NONE).rateAll());
        Rater first = raters.get(0);
        Totals totals = first.totals;
        long rejected = first.rejected;
        long notDelivered = first.notDelivered;
        for (Rater other : raters.subList(1, raters.size())) {
            totals.addAll(other.totals);
            rejected += other.rejected;
            notDelivered += other.notDelivered;
        }
        listener.progress(ReplayListener.Stage.RATING, job.order.length, job.order.length);
        PricingPlan plan = job.engine.plan();
        ParsedLog log = job.log;
        return new ReplayResult(plan.name(), plan.currency(), plan.displayScale(), job.order.length,
                log.duplicates(), log.invalid(), rejected, notDelivered, job.conversations.count(), totals.all(),
                totals.byCategory(plan.categories()), totals.byMarket(), totals.free(plan.categories()));
    }

    /**
     * What all raters share: the engine, the events, their order, and each conversation's key, markets and state.
     */
    private static final class Job {
        final ConversationEngine engine;
        final ParsedLog log;
        final Conversations conversations;
        final int[] order;
        final ConversationKey[] keys;
        final ConversationMarkets[] markets;
        final ConversationState[] states;

        Job(ConversationEngine engine, ParsedLog log, Conversations conversations, int[] order) {
            this.engine = engine;
            this.log = log;
            this.conversations = conversations;
            this.order = order;
            this.keys = new ConversationKey[conversations.count()];
            this.markets = new ConversationMarkets[conversations.count()];
            this.states = new ConversationState[conversations.count()];
        }

        int blocks() {
            return Math.max(1, (conversations.count() + CONVERSATION_BLOCK - 1) / CONVERSATION_BLOCK);
        }

        /**
         * Finds each conversation's key and markets, on all threads: finding the country of a number that shares its
         * calling code (libphonenumber) is the costly part, and rating may run on one thread.
         */
        void findConversations(ExecutorService threads, int parallelism) {
            Tasks.onAllParts(threads, parallelism, part -> findConversations(part, parallelism));
        }

        /** Finds the conversations whose number leaves {@code part} when divided by {@code parts}; how many. */
        private int findConversations(int part, int parts) {
            int found = 0;
            for (int conversation = part; conversation < keys.length; conversation += parts) {
                keys[conversation] = log.bsuids.key(conversations.channel(conversation),
                        conversations.customer(conversation));
                markets[conversation] = engine.marketsOf(keys[conversation]);
                found++;
            }
            return found;
        }
    }

    /**
     * Rates, in time order, the events of the conversations of one partition: those whose block number leaves
     * {@code partition} when divided by {@code partitions}. Each conversation belongs to one rater, so raters touch
     * disjoint elements of the shared arrays.
     */
    private static final class Rater {
        private final Job job;
        private final int partition;
        private final int partitions;
        private final Consumer<Charge> ledger;
        private final ReplayListener listener;
        private final ConversationEngine engine;
        private final Usage usage = new MonthlyUsage();
        private final Totals totals;
        private final byte[] idScratch = new byte[EventLineParser.MAX_ID_BYTES];
        private long rejected;
        private long notDelivered;

        Rater(Job job, int partition, int partitions, Consumer<Charge> ledger, ReplayListener listener) {
            this.job = job;
            this.engine = job.engine;
            this.totals = new Totals(engine.plan().currency());
            this.partition = partition;
            this.partitions = partitions;
            this.ledger = ledger;
            this.listener = listener;
        }

        /** Rates the partition's events, in time order; returns this rater, with its totals. */
        Rater rateAll() {
            int[] order = job.order;
            for (int i = 0; i < order.length; i++) {
                int slot = order[i];
                int conversation = job.conversations.of(slot);
                if ((conversation / CONVERSATION_BLOCK) % partitions == partition) {
                    rate(slot, conversation);
                }
                if ((i & (PROGRESS_EVERY - 1)) == 0) {
                    listener.progress(ReplayListener.Stage.RATING, i, order.length);
                    Tasks.stopIfCancelled();
                }
            }
            return this;
        }

        private void rate(int slot, int conversation) {
            ConversationState state = job.states[conversation];
            if (state == null) {
                state = engine.initialState();
            }
            ParsedLog log = job.log;
            Event event = EventLineParser.event(log.id(slot, idScratch), EventLineParser.instant(log.atNanos[slot]),
                    job.keys[conversation], log.flags[slot]);
            Decision decision = engine.decide(state, event, usage, job.markets[conversation]);
            job.states[conversation] = decision.next();
            switch (decision.outcome()) {
                case REFUSED_OUTSIDE_WINDOW -> rejected++;
                case NOT_DELIVERED -> notDelivered++;
                default -> {
                }
            }
            if (decision.free().isPresent()) { // not ifPresent(totals::addFree): C1 would make a lambda every event
                totals.addFree(decision.free().get());
            }
            if (decision.charge().isPresent()) {
                Charge charge = decision.charge().get();
                totals.add(charge);
                ledger.accept(charge);
            }
        }
    }
}
