package dev.janela.server.notify;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.status;
import static dev.janela.server.testfixtures.Webhooks.text;
import static dev.janela.server.testfixtures.Webhooks.textFromBsuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestConnector;
import dev.janela.server.testfixtures.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What the business's receivers are sent of its conversations: each event once, in the JSON envelope, with headers
 * a receiver deduplicates by, and signed so that the receiver can tell it came from Janela, unaltered.
 */
@JanelaServerTest
class EventDeliveryTest {
    private static final String CUSTOMER = "5521987651101";
    private static final String ALL = "message.received,message.status,session.opened,session.ended,charge.recorded";

    @Autowired
    private TestServer server;
    @Autowired
    private TestConnector connector;
    @Autowired
    private OutboxDelivery delivery;

    private Api api;
    private String channel;
    @RegisterExtension
    final Subscribers subscribers = new Subscribers();
    /** The test's one receiver. */
    private Subscriber subscriber;

    @BeforeEach
    void anAccountWithAChannelAndRates() {
        api = server.anAccount().build();
        channel = api.channel();
    }

    @Test
    void aCustomersMessage_isSent_asTheEventsItCaused_inTheOrderTheyHappened() {
        subscriber = subscribers.subscribe(api, ALL.split(","));

        customerWrites("wamid.in-1", "Where is my order?");
        int delivered = delivery.deliverDue();

        assertThat(delivered).isEqualTo(3);
        assertThat(subscriber.receivedTypes()).containsExactly("session.opened", "message.received",
                "charge.recorded");
        JsonNode message = subscriber.received().get(1).json();
        assertThat(message.path("id").asString()).startsWith("evt_");
        assertThat(message.path("account_id").asLong()).isEqualTo(api.accountId());
        assertThat(Instant.parse(message.path("created_at").asString())).isEqualTo(START);
        JsonNode data = message.path("data");
        assertThat(data.path("channel").asString()).isEqualTo(channel);
        assertThat(data.path("wa_id").asString()).isEqualTo(CUSTOMER);
        assertThat(data.path("message_id").asString()).isEqualTo("wamid.in-1");
        assertThat(data.path("type").asString()).isEqualTo("text");
        assertThat(data.path("text").asString()).isEqualTo("Where is my order?");
        assertThat(Instant.parse(data.path("at").asString())).isEqualTo(START);
    }

    @Test
    void aSessionsOpening_andItsCharge_sayWhatItIs_andWhatItCost() {
        subscriber = subscribers.subscribe(api, "session.opened", "charge.recorded");

        customerWrites("wamid.in-2", "Hi");
        delivery.deliverDue();

        JsonNode session = subscriber.received().get(0).json().path("data");
        assertThat(session.path("type").asString()).isEqualTo("user_initiated");
        assertThat(session.path("status").asString()).isEqualTo("active");
        assertThat(session.path("opened_by").asString()).isEqualTo("wamid.in-2");
        assertThat(Instant.parse(session.path("window_expires_at").asString())).isEqualTo(START.plusSeconds(86_400));
        JsonNode charge = subscriber.received().get(1).json().path("data");
        assertThat(charge.path("kind").asString()).isEqualTo("charge");
        assertThat(charge.path("category").asString()).isEqualTo("user_initiated");
        assertThat(charge.path("market").asString()).isEqualTo("BR");
        assertThat(charge.path("amount").isString()).as("a decimal string").isTrue();
        assertThat(charge.path("amount").asString()).isEqualTo("0.0068");
        assertThat(charge.path("currency").asString()).isEqualTo("USD");
        assertThat(charge.path("event_id").asString()).isEqualTo("wamid.in-2");
    }

    @Test
    void everyEvent_carriesItsTypeAndId_inHeaders_andASignatureTheReceiverChecks() {
        subscriber = subscribers.subscribe(api, ALL.split(","));

        customerWrites("wamid.in-3", "Hello");
        delivery.deliverDue();

        assertThat(subscriber.received()).hasSize(3).allSatisfy(request -> {
            JsonNode event = request.json();
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("X-Janela-Event")).isEqualTo(event.path("type").asString());
            assertThat(request.header("X-Janela-Delivery")).isEqualTo(event.path("id").asString());
            assertThat(request.header("X-Janela-Signature-256")).startsWith("t=" + START.getEpochSecond() + ",v1=");
            assertThat(subscriber.isSigned(request)).isTrue();
        });
    }

    @Test
    void aBodyOrTimeAltered_afterSigning_failsTheReceiversCheck() {
        subscriber = subscribers.subscribe(api, "message.received");
        customerWrites("wamid.in-4", "Pay 10");
        delivery.deliverDue();
        Receiver.Request sent = subscriber.received().get(0);

        byte[] altered = sent.text().replace("Pay 10", "Pay 99").getBytes(StandardCharsets.UTF_8);
        String otherTime = sent.header("X-Janela-Signature-256").replace("t=" + START.getEpochSecond(),
                "t=" + (START.getEpochSecond() + 1));

        assertThat(subscriber.isSigned(sent)).isTrue();
        assertThat(subscriber.isSigned(sent.header("X-Janela-Signature-256"), altered)).isFalse();
        assertThat(subscriber.isSigned(otherTime, sent.body())).isFalse();
    }

    @Test
    void aSend_isSentAsItsStatuses_withTheSessionAndChargeItStarted() {
        subscriber = subscribers.subscribe(api, ALL.split(","));
        api.approvedTemplate("order_update", "en", "utility", "Your order {{1}} has shipped.");

        Response sent = api.sendTemplate(channel, CUSTOMER, "order_update", "en", "#1042");
        delivery.deliverDue();

        String wamid = sent.json().path("messages").path(0).path("id").asString();
        assertThat(subscriber.receivedTypes()).containsExactly("session.opened", "charge.recorded",
                "message.status", "message.status", "message.status");
        assertThat(subscriber.received().subList(2, 5)).extracting(request -> request.json().path("data"))
                .allSatisfy(data -> assertThat(data.path("message_id").asString()).isEqualTo(wamid))
                .extracting(data -> data.path("status").asString()).containsExactly("sent", "delivered", "read");
        JsonNode session = subscriber.received().get(0).json().path("data");
        assertThat(session.path("type").asString()).isEqualTo("business_initiated");
        assertThat(session.path("status").asString()).isEqualTo("pending");
        assertThat(subscriber.received().get(1).json().path("data").path("amount").asString()).isEqualTo("0.0625");
    }

    @Test
    void aCustomerWithoutANumber_isNamedByTheirBsuid_inTheEventsOfTheirMessagesAndOfWhatTheyAreSent() {
        String bsuid = "BR.1502512345678901";
        String delivery = payload(channel, List.of(textFromBsuid("wamid.in-bsuid", bsuid, START, "Hi")), List.of());
        subscriber = subscribers.subscribe(api, "message.received", "message.status");

        Api.expect(api.webhook(delivery), 200);
        Api.expect(api.send(channel, Map.of("messaging_product", "whatsapp", "recipient", bsuid, "type", "text",
                "text", Map.of("body", "Hello Ana"))), 200);
        this.delivery.deliverDue();

        assertThat(subscriber.receivedTypes()).containsExactly("message.received", "message.status",
                "message.status", "message.status");
        assertThat(subscriber.received()).extracting(request -> request.json().path("data")).allSatisfy(data -> {
            assertThat(data.path("user_id").asString()).isEqualTo(bsuid);
            assertThat(data.path("wa_id").isNull() || data.path("wa_id").isMissingNode()).as("%s", data).isTrue();
        });
    }

    @Test
    void aSendThatFails_isSentWithMetasErrorCode_itsChargesReversal_andTheSessionsEnd() {
        api.approvedTemplate("order_update", "en", "utility", "Your order {{1}} has shipped.");
        connector.holdReports();
        String wamid = api.sendTemplate(channel, CUSTOMER, "order_update", "en", "#7").json().path("messages")
                .path(0).path("id").asString();
        subscriber = subscribers.subscribe(api, "message.status", "charge.recorded", "session.ended");

        Api.expect(api.webhook(payload(channel, List.of(), List.of(status(wamid, "failed", START, CUSTOMER)))), 200);
        delivery.deliverDue();

        assertThat(subscriber.receivedTypes()).containsExactlyInAnyOrder("session.ended", "charge.recorded",
                "message.status");
        JsonNode status = data("message.status");
        assertThat(status.path("status").asString()).isEqualTo("failed");
        assertThat(status.path("error_code").asInt()).isEqualTo(131026);
        JsonNode reversal = data("charge.recorded");
        assertThat(reversal.path("kind").asString()).isEqualTo("reversal");
        assertThat(reversal.path("amount").asString()).isEqualTo("-0.0625");
        assertThat(data("session.ended").path("opened_by").asString()).isEqualTo(wamid);
    }

    @Test
    void aRepeatedWebhook_isNotSentTwice() {
        subscriber = subscribers.subscribe(api, "message.received");

        customerWrites("wamid.in-5", "Hi");
        customerWrites("wamid.in-5", "Hi");
        delivery.deliverDue();

        assertThat(subscriber.received()).hasSize(1);
    }

    private void customerWrites(String wamid, String body) {
        Api.expect(api.webhook(payload(channel, List.of(text(wamid, CUSTOMER, START, body)), List.of())), 200);
    }

    /** The data of the one event of {@code type} the receiver was sent. */
    private JsonNode data(String type) {
        return subscriber.received().stream().map(Receiver.Request::json)
                .filter(event -> event.path("type").asString().equals(type)).findFirst().orElseThrow()
                .path("data");
    }
}
