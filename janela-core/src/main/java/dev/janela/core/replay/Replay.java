package dev.janela.core.replay;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.Event;
import dev.janela.core.engine.Assessment;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.Decision;
import dev.janela.core.ledger.Charge;
import dev.janela.core.market.ConversationMarkets;
import dev.janela.core.plan.PricingPlan;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.core.pricing.Usage;
import dev.janela.core.pricing.UsageKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Rates a recorded traffic log through the engine: events in time order (ties keep file order) whatever order the
 * file has, duplicates dropped by id in file order (R12), malformed lines reported with their line number and
 * skipped (or fatal in strict mode).
 *
 * <p>Lines are parsed on all the threads the settings allow. Rating keeps each conversation's events in time order;
 * when no ledger is asked for, conversations are shared out among the threads. The log is one account's: the monthly
 * counts of Meta's free tiers and volume tiers count all its conversations together, so the units they decide are
 * numbered in time order, on one thread, before they are priced.
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
    private static final int CONVERSATION_BLOCK_SHIFT = 4;
    private static final int CONVERSATION_BLOCK = 1 << CONVERSATION_BLOCK_SHIFT;
    /** How many events, in time order, raters assess before the units among them that count are numbered. */
    private static final int COUNTING_WINDOW = 1 << 16;

    private final ReplaySettings settings;
    private final int minChunkBytes;
    private final int countingWindow;

    public Replay(ReplaySettings settings) {
        this(settings, ParsedLog.MIN_CHUNK_BYTES);
    }

    /** A replay that parses in chunks as small as {@code minChunkBytes}, so that tests exercise their borders. */
    Replay(ReplaySettings settings, int minChunkBytes) {
        this(settings, minChunkBytes, COUNTING_WINDOW);
    }

    /** A replay that also numbers counted units {@code countingWindow} events at a time, for the same reason. */
    Replay(ReplaySettings settings, int minChunkBytes, int countingWindow) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.minChunkBytes = minChunkBytes;
        this.countingWindow = countingWindow;
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
            log.releaseParties();
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
        // A ledger is written in time order, so its events are rated in one time-ordered pass. For totals alone,
        // conversations are shared out among threads.
        int partitions = ledger == null ? Math.min(settings.parallelism(), job.blocks()) : 1;
        if (partitions == 1) {
            // Finding conversations is costly (libphonenumber), and one rater would find them on one thread.
            job.findConversations(threads, settings.parallelism());
        }
        List<Rater> raters = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            raters.add(partition == 0 ? new Rater(job, 0, partitions, ledger == null ? charge -> { } : ledger, listener)
                    : new Rater(job, partition, partitions, charge -> { }, ReplayListener.NONE));
        }
        if (partitions > 1 && job.engine.plan().countsPerAccount()) {
            rateCountingApart(job, raters, threads);
        } else {
            Tasks.onAllParts(threads, partitions, partition -> raters.get(partition).rate(0, job.order.length));
        }
        Rater first = raters.get(0);
        for (Rater other : raters.subList(1, raters.size())) {
            first.addAll(other);
        }
        listener.progress(ReplayListener.Stage.RATING, job.order.length, job.order.length);
        PricingPlan plan = job.engine.plan();
        ParsedLog log = job.log;
        Totals totals = first.totals;
        return new ReplayResult(plan.name(), plan.currency(), plan.displayScale(), job.order.length,
                log.duplicates(), log.invalid(), first.rejected, first.notDelivered, job.conversations.count(),
                totals.all(), totals.byCategory(plan.categories()), totals.byMarket(), totals.free(plan.categories()));
    }

    /**
     * Rates on several threads a plan whose monthly counts make each conversation's charges depend on the others',
     * a window of events at a time: the raters assess their conversations' events, one thread then numbers the
     * window's counted units in time order, and the raters decide them. A window keeps what waits small enough to
     * die young.
     */
    private void rateCountingApart(Job job, List<Rater> raters, ExecutorService threads) {
        int parts = raters.size();
        Waiting waiting = new Waiting(Math.min(countingWindow, job.order.length));
        raters.forEach(rater -> rater.waiting = waiting);
        for (int from = 0; from < job.order.length; from += countingWindow) {
            int windowStart = from;
            int windowEnd = Math.min(job.order.length, from + countingWindow);
            waiting.from = windowStart;
            Tasks.onAllParts(threads, parts, partition -> raters.get(partition).rate(windowStart, windowEnd));
            waiting.number(windowEnd - windowStart);
            Tasks.onAllParts(threads, parts, partition -> raters.get(partition).rateWaiting());
        }
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
         * Finds each conversation's key and markets beforehand, on all threads: finding the country of a number that
         * shares its calling code (libphonenumber) is the costly part. Raters that share the conversations out find
         * theirs as they first meet them instead, which spares the other threads a wait for the slowest.
         */
        void findConversations(ExecutorService threads, int parallelism) {
            Tasks.onAllParts(threads, parallelism, part -> findConversations(part, parallelism));
        }

        /** Finds the conversations whose number leaves {@code part} when divided by {@code parts}; how many. */
        private int findConversations(int part, int parts) {
            int found = 0;
            for (int conversation = part; conversation < keys.length; conversation += parts) {
                find(conversation);
                found++;
            }
            return found;
        }

        /** Finds the key and markets of {@code conversation}. */
        void find(int conversation) {
            keys[conversation] = log.bsuids.key(conversations.channel(conversation),
                    conversations.customer(conversation));
            markets[conversation] = engine.marketsOf(keys[conversation]);
        }
    }

    /**
     * Rates, in time order, the events of the conversations of one partition: those whose block number leaves
     * {@code partition} when divided by {@code partitions}. Each conversation belongs to one rater, so raters touch
     * disjoint elements of the shared arrays.
     */
    private static final class Rater {
        private final Job job;
        /**
         * Whether each block of conversations is this rater's: a read of a small array, where the remainder of a
         * division was a division by a variable for each of the log's events, on each thread.
         */
        private final boolean[] ownsBlock;
        private final Consumer<Charge> ledger;
        private final ReplayListener listener;
        private final ConversationEngine engine;
        /** The account's monthly counts, when this rater rates every conversation. */
        private final Usage usage = new MonthlyUsage();
        /** Where units wait for their numbers in the month, when raters share the conversations out; else null. */
        private Waiting waiting;
        /** A unit's number in its month, as the decisions of counted units ask for it. */
        private final Numbered numbered = new Numbered();
        /** The places in {@link #waiting} of this rater's units, and how many there are. */
        private int[] waitingPlaces = new int[64];
        private int waitingCount;
        private final Totals totals;
        private final ParsedLog.IdReader ids;
        private long rejected;
        private long notDelivered;

        Rater(Job job, int partition, int partitions, Consumer<Charge> ledger, ReplayListener listener) {
            this.job = job;
            this.engine = job.engine;
            this.totals = new Totals(engine.plan().currency());
            this.ids = job.log.idReader();
            this.ownsBlock = new boolean[job.blocks()];
            for (int block = partition; block < ownsBlock.length; block += partitions) {
                ownsBlock[block] = true;
            }
            this.ledger = ledger;
            this.listener = listener;
        }

        /** Rates the partition's events among the {@code from}th to the {@code to}th in time order. */
        Rater rate(int from, int to) {
            int[] order = job.order;
            for (int i = from; i < to; i++) {
                int slot = order[i];
                int conversation = job.conversations.of(slot);
                if (ownsBlock[conversation >>> CONVERSATION_BLOCK_SHIFT]) {
                    rate(i, slot, conversation);
                }
                if ((i & (PROGRESS_EVERY - 1)) == 0) {
                    listener.progress(ReplayListener.Stage.RATING, i, order.length);
                    Tasks.stopIfCancelled();
                }
            }
            return this;
        }

        /** Decides the units this rater left waiting, now that they are numbered. */
        Rater rateWaiting() {
            for (int index = 0; index < waitingCount; index++) {
                int place = waitingPlaces[index];
                numbered.number = waiting.numbers[place];
                add(waiting.assessments[place].decide(numbered));
                waiting.assessments[place] = null;
            }
            waitingCount = 0;
            return this;
        }

        void addAll(Rater other) {
            totals.addAll(other.totals);
            rejected += other.rejected;
            notDelivered += other.notDelivered;
        }

        private void rate(int index, int slot, int conversation) {
            ConversationState state = job.states[conversation];
            if (state == null) {
                state = engine.initialState();
                if (job.keys[conversation] == null) {
                    job.find(conversation);
                }
            }
            ParsedLog log = job.log;
            Event event = EventLineParser.event(ids.id(slot), EventLineParser.instant(log.atNanos[slot]),
                    job.keys[conversation], log.flags[slot]);
            Assessment assessment = engine.assess(state, event, job.markets[conversation]);
            job.states[conversation] = assessment.next();
            if (waiting != null && assessment.counts()) {
                count(index, assessment);
            } else {
                add(assessment.decide(usage));
            }
        }

        /**
         * Leaves a counted unit waiting for its number in the month, unless the units counted before this window
         * already decide it: past the month's free units and with no tiers, any later number decides it alike. Its
         * decision then names the first number it may have rather than its own, which totals do not read.
         */
        private void count(int index, Assessment assessment) {
            int count = waiting.indexOf(assessment.key());
            long next = waiting.countedBefore(count) + 1;
            if (assessment.decidedAlikeFrom(next)) {
                numbered.number = next;
                add(assessment.decide(numbered));
                return;
            }
            int place = index - waiting.from;
            waiting.put(place, assessment, count);
            if (waitingCount == waitingPlaces.length) {
                waitingPlaces = Arrays.copyOf(waitingPlaces, waitingCount * 2);
            }
            waitingPlaces[waitingCount++] = place;
        }

        private void add(Decision decision) {
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

    /** The number in its month of a unit counted beforehand, whatever the count it is asked for. */
    private static final class Numbered implements Usage {
        long number;

        @Override
        public long count(UsageKey key) {
            return number;
        }
    }

    /** A window of events whose counted units wait for their numbers in the month, by place in the window. */
    private static final class Waiting {
        final Assessment[] assessments;
        /** By place, the index of the unit's count in {@link #counted}. */
        final int[] counts;
        final long[] numbers;
        /** The index of each monthly count, shared by the raters, so that numbering is an array's increment. */
        private final Map<UsageKey, Integer> countIndexes = new ConcurrentHashMap<>();
        private final AtomicInteger countsKnown = new AtomicInteger();
        /** How many units each count has counted so far, by index; grown by the thread that numbers. */
        private long[] counted = new long[16];
        /** The window's first event, in time order. */
        int from;

        Waiting(int size) {
            assessments = new Assessment[size];
            counts = new int[size];
            numbers = new long[size];
        }

        /** The index of monthly count {@code key}; called by the raters. */
        int indexOf(UsageKey key) {
            Integer index = countIndexes.get(key);
            return index != null ? index : countIndexes.computeIfAbsent(key, unused -> countsKnown.getAndIncrement());
        }

        /** How many units count {@code count}, an index, had before this window; called by the raters. */
        long countedBefore(int count) {
            return count < counted.length ? counted[count] : 0;
        }

        /** Leaves {@code assessment}, whose unit counts in count {@code count}, waiting at {@code place}. */
        void put(int place, Assessment assessment, int count) {
            assessments[place] = assessment;
            counts[place] = count;
        }

        /** Numbers the waiting units among the window's first {@code size} events, in time order. */
        void number(int size) {
            for (int place = 0; place < size; place++) {
                if (assessments[place] != null) {
                    int count = counts[place];
                    if (count >= counted.length) {
                        counted = Arrays.copyOf(counted, Math.max(count + 1, counted.length * 2));
                    }
                    numbers[place] = ++counted[count];
                }
            }
        }
    }
}
