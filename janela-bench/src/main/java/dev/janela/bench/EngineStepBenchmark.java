package dev.janela.bench;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.Decision;
import dev.janela.core.market.MarketBasis;
import dev.janela.core.market.MarketResolver;
import dev.janela.core.market.Markets;
import dev.janela.core.plan.PricingPlan;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's step alone: {@link ConversationEngine#decide} on events already built and in time order, with each
 * conversation's state kept in an array, as a replay does once the log is parsed, indexed and sorted. The score is
 * events per second on one thread. Parsing, sorting, building the events and adding up the charges are not
 * measured.
 *
 * <p>The events come from {@link TrafficSimulation} (seed 42), the same traffic {@link TrafficGenerator} writes,
 * without its repeated lines; they are priced by business country under the {@code session} model. The forked JVM
 * gets a fixed 2 GiB heap (the events take about 200 MB) so that machines with more or less memory compare.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EngineStepBenchmark {
    /** Events decided per call of the measured method. */
    static final int BATCH = 10_000;
    private static final long SEED = 42;
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    /** The session rows of examples/rates.csv: enough markets for the lookups to be realistic. */
    private static final String RATES = """
            market,category,price,currency
            US,user_initiated,0.0034,USD
            US,business_initiated,0.0250,USD
            CA,user_initiated,0.0034,USD
            CA,business_initiated,0.0250,USD
            BR,user_initiated,0.0068,USD
            BR,business_initiated,0.0625,USD
            IN,user_initiated,0.0014,USD
            IN,business_initiated,0.0118,USD
            ID,user_initiated,0.0250,USD
            ID,business_initiated,0.0411,USD
            MX,user_initiated,0.0085,USD
            MX,business_initiated,0.0305,USD
            GB,user_initiated,0.0220,USD
            GB,business_initiated,0.0635,USD
            DE,user_initiated,0.0550,USD
            DE,business_initiated,0.1365,USD
            *,user_initiated,0.0077,USD
            *,business_initiated,0.0604,USD
            """;

    /** How many events the traffic has; the measured method goes through them in batches, then starts over. */
    @Param("1000000")
    public int events;

    /** How many customers write; conversations are 10% more. */
    @Param("50000")
    public int customers;

    private ConversationEngine engine;
    private Event[] traffic;
    private int[] conversationOf;
    private final MonthlyUsage usage = new MonthlyUsage();
    private ConversationState[] states;
    private int next;

    @Setup(Level.Trial)
    public void simulateTraffic() {
        if (events < BATCH) {
            throw new IllegalArgumentException("events must be at least " + BATCH + ", was " + events);
        }
        SessionSettings settings = SessionSettings.DEFAULTS;
        PriceBook prices = PriceBook.of(RateCardParser.parse("bench-rates.csv", RATES, "bench", Instant.MIN));
        // Each conversation's market is its channel's country, the documented default (R10).
        engine = new ConversationEngine(PricingPlan.of(new SessionModel(settings), prices,
                new MarketResolver(Markets.none(), MarketBasis.BUSINESS, Map.of())), settings.windowLength());
        SplittableRandom random = new SplittableRandom(SEED);
        Population population = Population.generate(customers, random.split());
        ConversationKey[] keys = keys(population);
        TrafficSimulation simulation = new TrafficSimulation(population, START.getEpochSecond(), random.split());
        traffic = new Event[events];
        conversationOf = new int[events];
        for (int index = 0; index < events; index++) {
            SimulatedMessage message = simulation.next();
            conversationOf[index] = message.conversation();
            traffic[index] = event(message, keys[message.conversation()]);
        }
        states = new ConversationState[population.conversations()];
        startOver();
    }

    /**
     * Decides the next {@link #BATCH} events. When the traffic runs out it starts over from its first event with
     * every conversation back at its initial state, so that windows are never left open from the end of the traffic.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decideBatch(Blackhole blackhole) {
        if (next + BATCH > traffic.length) {
            startOver();
        }
        for (int index = next; index < next + BATCH; index++) {
            int conversation = conversationOf[index];
            Decision decision = engine.decide(states[conversation], traffic[index], usage);
            states[conversation] = decision.next();
            // What a replay uses of a decision: its outcome, and its charge if it has one.
            blackhole.consume(decision.outcome());
            blackhole.consume(decision.charge());
        }
        next += BATCH;
    }

    private void startOver() {
        Arrays.fill(states, engine.initialState());
        next = 0;
    }

    private static ConversationKey[] keys(Population population) {
        ConversationKey[] keys = new ConversationKey[population.conversations()];
        for (int conversation = 0; conversation < keys.length; conversation++) {
            keys[conversation] = population.key(conversation);
        }
        return keys;
    }

    private static Event event(SimulatedMessage message, ConversationKey key) {
        Instant at = Instant.ofEpochSecond(message.epochSecond());
        if (message.inbound()) {
            return new CustomerMessage(message.id(), at, key, message.referral());
        }
        if (message.isTemplate()) {
            return new TemplateMessage(message.id(), at, key, message.category(), message.failed());
        }
        return new FreeFormMessage(message.id(), at, key, message.failed());
    }
}
