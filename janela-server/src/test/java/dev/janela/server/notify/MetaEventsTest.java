package dev.janela.server.notify;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.connector.MetaDispatcher;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.GraphStandIn;
import dev.janela.server.testfixtures.MetaServerTest;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.testfixtures.Webhooks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * With Meta's connector, the business hears of its messages' fate under the id its send was answered with, and with
 * what it asked to have echoed.
 */
@MetaServerTest
class MetaEventsTest {
    private static final String CUSTOMER = "5521987650004";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private MetaDispatcher dispatcher;
    @Autowired
    private OutboxDelivery delivery;

    private Subscriber subscriber;

    @AfterEach
    void unsubscribe() {
        subscriber.close();
    }

    @Test
    void aSendWhoseAnswerWasLost_isReportedUnknown_thenSentByMetasStatus_underJanelasId() {
        Api api = server.anAccount()
                .withTemplateApprovedAtMeta("order_update", "en_US", "utility", "Your order has shipped.").build();
        String channel = api.channel();
        subscriber = Subscriber.subscribe(api, "message.status");
        GraphStandIn.get().dropNext(channel);
        Map<String, Object> send = new HashMap<>(Api.templateMessage(CUSTOMER, "order_update", "en_US"));
        send.put("biz_opaque_callback_data", "order-1042");
        String wamid = api.send(channel, send).json().path("messages").path(0).path("id").asString();
        dispatcher.dispatchDue().join();
        Map<String, Object> sent = Webhooks.status("wamid.meta-late", "sent", clock.instant(), CUSTOMER);
        sent.put("biz_opaque_callback_data", wamid);
        Api.expect(api.webhook(payload(channel, List.of(), List.of(sent))), 200);

        delivery.deliverDue();

        List<JsonNode> statuses = subscriber.received().stream().map(request -> request.json().path("data"))
                .toList();
        assertThat(statuses).extracting(data -> data.path("status").asString()).containsExactly("unknown", "sent");
        assertThat(statuses).allSatisfy(data -> assertThat(data.path("message_id").asString()).isEqualTo(wamid));
        assertThat(statuses.get(1).path("meta_message_id").asString()).isEqualTo("wamid.meta-late");
        assertThat(statuses).extracting(data -> data.path("biz_opaque_callback_data").asString())
                .as("what the send asked to have echoed").containsOnly("order-1042");
    }
}
