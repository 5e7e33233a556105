package dev.janela.server.notify;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.cluster.ClusterJobs;
import dev.janela.server.config.DeliverySettings;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A receiver that fails: each attempt is recorded with why it failed, the next waits longer, and once the receiver
 * takes the event it has it under the same id; after the last attempt the event is failed until redelivered.
 */
@JanelaServerTest
class DeliveryFailuresTest {
    private static final String CUSTOMER = "5521987651201";
    /** A spread of none: every wait is its nominal length. */
    private static final RandomGenerator NO_SPREAD = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("a wait's spread reads nextDouble()");
        }

        @Override
        public double nextDouble() {
            return 0.5;
        }
    };

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private OutboxDelivery delivery;
    @Autowired
    private Outbox outbox;
    @Autowired
    private HttpEventSender sender;
    @Autowired
    private JanelaMetrics metrics;
    @Autowired
    private ClusterJobs jobs;
    @Autowired
    private DeliverySettings settings;

    private Api api;
    private String channel;
    @RegisterExtension
    final Subscribers subscribers = new Subscribers();

    @BeforeEach
    void anAccountWithAChannelAndRates() {
        api = server.anAccount().build();
        channel = api.channel();
    }

    @Test
    void aReceiverAnswering500_hasTheAttemptAndItsStatusRecorded_andIsNotTriedAgainAtOnce() {
        Subscriber subscriber = subscribers.subscribe(api, "message.received");
        subscriber.receiver().answer(500);
        customerWrites("wamid.f-1");

        int delivered = delivery.deliverDue();
        int deliveredAgain = delivery.deliverDue();

        assertThat(delivered + deliveredAgain).isZero();
        assertThat(subscriber.received()).hasSize(1);
        JsonNode event = subscriber.onlyDelivery();
        assertThat(event.path("state").asString()).isEqualTo("pending");
        assertThat(event.path("attempts").asInt()).isEqualTo(1);
        assertThat(event.path("last_error").asString()).isEqualTo("HTTP 500");
        assertThat(Instant.parse(event.path("last_attempt_at").asString())).isEqualTo(START);
        assertThat(Instant.parse(event.path("next_attempt_at").asString()))
                .isBetween(START.plusSeconds(8), START.plusSeconds(12));
        assertThat(api.get("/actuator/prometheus", "text/plain").body()).as("the operator's metrics")
                .containsPattern("janela_events_deliveries_total\\{result=\"retried\"} [1-9]");
    }

    @Test
    void theWaitsGrow_untilTheReceiverIsBack_whichThenGetsTheSameEvent() {
        Subscriber subscriber = subscribers.subscribe(api, "message.received");
        subscriber.receiver().answer(503);
        customerWrites("wamid.f-2");
        delivery.deliverDue();
        Duration firstWait = waitAfterLastAttempt(subscriber);
        clock.set(nextAttempt(subscriber));
        delivery.deliverDue();
        Duration secondWait = waitAfterLastAttempt(subscriber);

        subscriber.receiver().answer(204);
        clock.set(nextAttempt(subscriber));
        int delivered = delivery.deliverDue();

        assertThat(firstWait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        assertThat(secondWait).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
        assertThat(delivered).isEqualTo(1);
        JsonNode event = subscriber.onlyDelivery();
        assertThat(event.path("state").asString()).isEqualTo("delivered");
        assertThat(event.path("attempts").asInt()).isEqualTo(3);
        assertThat(Instant.parse(event.path("delivered_at").asString())).isEqualTo(clock.instant());
        assertThat(event.path("next_attempt_at").isNull()).isTrue();
        assertThat(subscriber.received()).hasSize(3)
                .extracting(request -> request.header("X-Janela-Delivery")).containsOnly(event.path("event_id")
                        .asString());
        assertThat(subscriber.received()).extracting(Receiver.Request::text).containsOnly(subscriber.received()
                .get(0).text());
    }

    @Test
    void aReceiverThatIsDown_hasTheConnectionsFailureRecorded_andGetsTheEventOnceItIsBack() {
        Subscriber subscriber = subscribers.subscribe(api, "message.received");
        subscriber.receiver().stop();
        customerWrites("wamid.f-3");

        delivery.deliverDue();
        JsonNode failed = subscriber.onlyDelivery();
        subscriber.receiver().restart();
        clock.advance(Duration.ofMinutes(1));
        int delivered = delivery.deliverDue();

        assertThat(failed.path("state").asString()).isEqualTo("pending");
        assertThat(failed.path("last_error").asString()).startsWith("ConnectException");
        assertThat(delivered).isEqualTo(1);
        assertThat(subscriber.received()).hasSize(1);
        assertThat(subscriber.onlyDelivery().path("state").asString()).isEqualTo("delivered");
    }

    @Test
    void theWaitsDouble_andAfterTheLastAttempt_theEventIsFailed_untilRedelivered() {
        DeliverySettings threeAttempts = new DeliverySettings(false, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofHours(1), 3, Duration.ofDays(30));
        OutboxDelivery exact = new OutboxDelivery(outbox, sender, clock, threeAttempts, NO_SPREAD, metrics, jobs);
        Subscriber subscriber = subscribers.subscribe(api, "message.received");
        subscriber.receiver().answer(500);
        customerWrites("wamid.f-4");

        exact.deliverDue();
        Instant second = nextAttempt(subscriber);
        clock.set(second);
        exact.deliverDue();
        Instant third = nextAttempt(subscriber);
        clock.set(third);
        exact.deliverDue();
        JsonNode failed = subscriber.onlyDelivery();
        clock.advance(Duration.ofDays(1));
        int deliveredWhileFailed = exact.deliverDue();

        assertThat(second).isEqualTo(START.plusSeconds(10));
        assertThat(third).isEqualTo(START.plusSeconds(10 + 20));
        assertThat(failed.path("state").asString()).isEqualTo("failed");
        assertThat(failed.path("attempts").asInt()).isEqualTo(3);
        assertThat(failed.path("next_attempt_at").isNull()).isTrue();
        assertThat(deliveredWhileFailed).isZero();
        assertThat(subscriber.received()).hasSize(3);
        subscriber.receiver().answer(200);
        Response redelivered = api.post("/api/webhook-deliveries/" + failed.path("event_id").asString()
                + "/redeliver", "{}");
        assertThat(redelivered.status()).as("%s", redelivered).isEqualTo(200);
        assertThat(redelivered.json().path("state").asString()).isEqualTo("pending");
        assertThat(Instant.parse(redelivered.json().path("next_attempt_at").asString())).isEqualTo(clock.instant());
        assertThat(exact.deliverDue()).isEqualTo(1);
        assertThat(subscriber.onlyDelivery().path("state").asString()).isEqualTo("delivered");
    }

    @Test
    void theLog_forgetsDeliveredEvents_afterItsKeepingTime_butNotThoseStillTried() {
        OutboxDelivery fresh = new OutboxDelivery(outbox, sender, clock, settings, NO_SPREAD, metrics, jobs);
        Subscriber taking = subscribers.subscribe(api, "message.received");
        Subscriber failing = subscribers.subscribe(api, "message.received");
        failing.receiver().answer(500);
        customerWrites("wamid.f-old");
        fresh.deliverDue();
        assertThat(taking.onlyDelivery().path("state").asString()).isEqualTo("delivered");

        clock.advance(settings.keepFor().minusHours(2));
        fresh.deliverDue();
        assertThat(taking.deliveries()).as("not yet past its keeping time").hasSize(1);
        clock.advance(Duration.ofHours(3));
        fresh.deliverDue();

        assertThat(taking.deliveries()).isEmpty();
        assertThat(failing.onlyDelivery().path("state").asString()).isEqualTo("pending");
    }

    @Test
    void aDeliveredEvent_redelivered_isSentAgain_withTheSameIdAndBody() {
        Subscriber subscriber = subscribers.subscribe(api, "message.received");
        customerWrites("wamid.f-5");
        delivery.deliverDue();
        String eventId = subscriber.onlyDelivery().path("event_id").asString();

        Response redelivered = api.post("/api/webhook-deliveries/" + eventId + "/redeliver", "{}");
        int delivered = delivery.deliverDue();

        assertThat(redelivered.status()).as("%s", redelivered).isEqualTo(200);
        assertThat(delivered).isEqualTo(1);
        assertThat(subscriber.received()).hasSize(2);
        assertThat(subscriber.received().get(1).header("X-Janela-Delivery")).isEqualTo(eventId);
        assertThat(subscriber.received().get(1).text()).isEqualTo(subscriber.received().get(0).text());
        assertThat(subscriber.isSigned(subscriber.received().get(1))).isTrue();
        assertThat(subscriber.onlyDelivery().path("state").asString()).isEqualTo("delivered");
    }

    @Test
    void aReceiverThatFails_isTriedOncePerPass_andDoesNotHoldUpAnothersEvents() {
        Subscriber failing = subscribers.subscribe(api, "message.received");
        Subscriber working = subscribers.subscribe(api, "message.received");
        failing.receiver().answer(500);
        customerWrites("wamid.f-6");
        customerWrites("wamid.f-7");
        customerWrites("wamid.f-8");

        int delivered = delivery.deliverDue();

        assertThat(delivered).isEqualTo(3);
        assertThat(working.received()).hasSize(3);
        assertThat(failing.received()).hasSize(1);
        assertThat(failing.deliveries()).extracting(event -> event.path("attempts").asInt())
                .containsExactlyInAnyOrder(1, 0, 0);
    }

    @Test
    void anotherAccountsEvent_cannotBeRedelivered() {
        Subscriber subscriber = subscribers.subscribe(api, "message.received");
        customerWrites("wamid.f-9");
        String eventId = subscriber.onlyDelivery().path("event_id").asString();

        Response answer = server.newAccount().post("/api/webhook-deliveries/" + eventId + "/redeliver", "{}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("not_found");
    }

    private void customerWrites(String wamid) {
        Api.expect(api.webhook(payload(channel, List.of(text(wamid, CUSTOMER, clock.instant(), "Hi")),
                List.of())), 200);
    }

    private static Instant nextAttempt(Subscriber subscriber) {
        return Instant.parse(subscriber.onlyDelivery().path("next_attempt_at").asString());
    }

    private static Duration waitAfterLastAttempt(Subscriber subscriber) {
        JsonNode event = subscriber.onlyDelivery();
        return Duration.between(Instant.parse(event.path("last_attempt_at").asString()),
                Instant.parse(event.path("next_attempt_at").asString()));
    }
}
