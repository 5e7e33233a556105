package dev.janela.server.conversation;

import static dev.janela.server.testfixtures.TestServer.BRAZIL_RATES;
import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.Decision;
import dev.janela.core.engine.Outcome;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.core.testfixtures.TestClock;
import dev.janela.core.testfixtures.TestEngines;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.testfixtures.AllAtOnce;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sixteen threads send and receive for the same few customers at once. However the server interleaves them, each
 * conversation's events are decided one at a time: the ledger is what the engine gives for the events in the order
 * the server applied them, no event is lost, and no free-form message went out that the engine would refuse.
 */
@JanelaServerTest
class ConcurrencyTest {
    private static final long SEED = 20_261_124L;
    private static final int THREADS = 16;
    private static final int REQUESTS_PER_THREAD = 6;
    private static final int ROUNDS = 4;
    private static final List<String> CUSTOMERS = List.of("5521987650201", "5521987650202", "5521987650203");
    /** A customer who never writes: free-form messages to them are always refused, whatever the interleaving. */
    private static final String SILENT = "5521987650204";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcClient jdbc;

    private Api api;

    @BeforeEach
    void newAccount() {
        api = server.newAccount();
    }

    @Test
    void theLedgerIsWhatTheEngineGivesForTheEventsInTheOrderApplied() throws Exception {
        String channel = api.addChannel();
        api.uploadRates(BRAZIL_RATES);
        api.approvedTemplate("follow_up", "en", "utility", "Any news?");
        Random random = new Random(SEED);
        AtomicInteger inbound = new AtomicInteger();
        Map<Integer, Integer> answers = new HashMap<>();

        for (int round = 0; round < ROUNDS; round++) {
            // 13 h apart: some windows are still open, some have closed, some pending sessions are past grace.
            Instant now = START.plus(Duration.ofHours(13L * round));
            clock.set(now);
            List<Callable<List<Integer>>> threads = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                List<Callable<Response>> requests = new ArrayList<>();
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    int pick = random.nextInt(CUSTOMERS.size() + 1);
                    String customer = pick < CUSTOMERS.size() ? CUSTOMERS.get(pick) : SILENT;
                    int kind = customer.equals(SILENT) ? 1 + random.nextInt(2) : random.nextInt(3);
                    String wamid = "wamid.r" + round + "t" + thread + "i" + i;
                    requests.add(switch (kind) {
                        case 0 -> () -> {
                            inbound.incrementAndGet();
                            return api.webhook(payload(channel, List.of(text(wamid, customer, now, "Oi")),
                                    List.of()));
                        };
                        case 1 -> () -> api.sendText(channel, customer, "Hello");
                        default -> () -> api.sendTemplate(channel, customer, "follow_up", "en");
                    });
                }
                threads.add(() -> {
                    List<Integer> outcomes = new ArrayList<>();
                    for (Callable<Response> request : requests) {
                        Response response = request.call();
                        outcomes.add(response.status() == 400 ? Integer.parseInt(response.errorCode())
                                : response.status());
                    }
                    return outcomes;
                });
            }
            AllAtOnce.run(threads).forEach(outcomes -> outcomes.forEach(outcome -> answers.merge(outcome, 1,
                    Integer::sum)));
        }

        assertThat(answers.keySet()).as("answers (seed %d): %s", SEED, answers).containsOnly(200, 131047);
        assertThat(answers.get(131047)).as("free-form sends to the customer who never wrote were refused")
                .isPositive();
        List<AppliedEvent> applied = appliedEvents(channel);
        assertThat(applied.stream().filter(event -> event.direction.equals("in"))).hasSize(inbound.get());
        assertThat(applied).hasSize(answers.get(200));
        assertThat(ledger()).as("seed %d", SEED).containsExactlyInAnyOrderElementsOf(oracle(applied));
    }

    /** What the engine charges for {@code applied}, taken one conversation at a time in the order applied. */
    private static List<String> oracle(List<AppliedEvent> applied) {
        ConversationEngine engine = TestEngines.session(PriceBook.of(RateCardParser.parse("rates", BRAZIL_RATES, "v1",
                Instant.parse("2000-01-01T00:00:00Z"))));
        Map<String, ConversationState> states = new HashMap<>();
        MonthlyUsage usage = new MonthlyUsage();
        List<String> charges = new ArrayList<>();
        for (AppliedEvent applying : applied) {
            ConversationKey key = new ConversationKey("+5511987654321", "+" + applying.customer);
            Event event = switch (applying.direction + ":" + applying.type) {
                case "in:text" -> new CustomerMessage(applying.wamid, applying.at, key, false);
                case "out:template" -> new TemplateMessage(applying.wamid, applying.at, key, TemplateCategory.UTILITY,
                        false);
                default -> new FreeFormMessage(applying.wamid, applying.at, key, false);
            };
            Decision decision = engine.decide(states.computeIfAbsent(applying.customer,
                    customer -> engine.initialState()), event, usage);
            assertThat(decision.outcome()).as("%s", applying).isEqualTo(Outcome.ACCEPTED);
            states.put(applying.customer, decision.next());
            decision.charge().ifPresent(charge -> charges.add(charge.eventId() + " " + charge.category().wireName()
                    + " " + charge.amount().toBigDecimal().setScale(4)));
        }
        return charges;
    }

    private record AppliedEvent(String customer, String wamid, String direction, String type, Instant at) {
    }

    /** Every message the server stored, each conversation's in the order they were applied. */
    private List<AppliedEvent> appliedEvents(String channel) {
        return jdbc.sql("select c.handle, m.wamid, m.direction, m.type, m.at from messages m"
                + " join conversations v on v.id = m.conversation_id join customers c on c.id = v.customer_id"
                + " join channels h on h.id = m.channel_id where h.phone_number_id = :channel"
                + " order by m.conversation_id, m.id")
                .param("channel", channel)
                .query((row, number) -> new AppliedEvent(row.getString("handle"), row.getString("wamid"),
                        row.getString("direction"), row.getString("type"), Instants.read(row, "at")))
                .list();
    }

    private List<String> ledger() {
        return api.get("/api/charges?limit=1000").json().path("charges").valueStream()
                .map(charge -> charge.path("event_id").asString() + " " + charge.path("category").asString() + " "
                        + charge.path("amount").asString())
                .toList();
    }
}
