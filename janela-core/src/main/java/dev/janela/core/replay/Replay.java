package dev.janela.core.replay;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.Event;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.Decision;
import dev.janela.core.ledger.Charge;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Rates a recorded traffic log through the engine: events in time order (ties keep file order) whatever order the
 * file has, duplicates dropped by id in file order (R12), malformed lines reported with their line number and
 * skipped (or fatal in strict mode).
 *
 * <p>Memory: about 45 bytes per line plus the ids, whatever the size of the lines; the log itself is read in place.
 */
public final class Replay {
    private static final int PROGRESS_EVERY = 1 << 16;

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
     * Replays {@code source}, handing every charge row to {@code ledger} in the order it is made.
     *
     * @throws dev.janela.core.JanelaException if a price is missing, no rate card is in force at an event's time,
     *     or (in strict mode) a line is malformed
     */
    public ReplayResult run(EventSource source, Consumer<Charge> ledger, ReplayListener listener) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(listener, "listener");
        ParsedLog log = parse(source, listener);
        Conversations conversations = Conversations.index(log);
        int[] order = TimeOrder.of(log);
        return rate(log, conversations, order, ledger, listener);
    }

    private ParsedLog parse(EventSource source, ReplayListener listener) {
        ExecutorService threads = Executors.newFixedThreadPool(settings.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "janela-replay-parser");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return ParsedLog.parse(source, threads, settings.parallelism(), minChunkBytes, settings.strict(),
                    listener);
        } finally {
            threads.shutdownNow();
        }
    }

    private ReplayResult rate(ParsedLog log, Conversations conversations, int[] order, Consumer<Charge> ledger,
            ReplayListener listener) {
        ConversationEngine engine = settings.engine();
        ConversationKey[] keys = new ConversationKey[conversations.count()];
        String[] markets = new String[conversations.count()];
        ConversationState[] states = new ConversationState[conversations.count()];
        ConversationState initial = engine.initialState();
        Totals totals = new Totals(engine.prices().currency());
        long rejected = 0;
        long notDelivered = 0;
        for (int i = 0; i < order.length; i++) {
            int slot = order[i];
            int conversation = conversations.of(slot);
            ConversationState state = states[conversation];
            if (state == null) {
                keys[conversation] = ConversationKey.of(conversations.channel(conversation),
                        conversations.customer(conversation));
                markets[conversation] = settings.markets().marketOf(keys[conversation]);
                state = initial;
            }
            Event event = EventLineParser.event(log.id(slot), EventLineParser.instant(log.atNanos[slot]),
                    keys[conversation], log.flags[slot]);
            Decision decision = engine.decide(state, event, markets[conversation]);
            states[conversation] = decision.next();
            switch (decision.outcome()) {
                case REFUSED_OUTSIDE_WINDOW -> rejected++;
                case NOT_DELIVERED -> notDelivered++;
                default -> {
                }
            }
            if (decision.charge().isPresent()) {
                Charge charge = decision.charge().get();
                totals.add(charge);
                ledger.accept(charge);
            }
            if ((i & (PROGRESS_EVERY - 1)) == 0) {
                listener.progress(ReplayListener.Stage.RATING, i, order.length);
            }
        }
        listener.progress(ReplayListener.Stage.RATING, order.length, order.length);
        return new ReplayResult(engine.model().name(), engine.prices().currency(), engine.prices().displayScale(),
                order.length, log.duplicates(), log.invalid(), rejected, notDelivered, conversations.count(),
                totals.all(), totals.byCategory(engine.model().categories()), totals.byMarket());
    }
}
