package dev.janela.server.notify;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestDatabase;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What is written to the outbox: an event with the change that causes it and never without it, only for the
 * account's active subscriptions that want its type.
 */
@JanelaServerTest
class OutboxTest {
    private static final String CUSTOMER = "5521987651301";
    private static final String[] ALL = EventType.NAMES.toArray(String[]::new);

    @Autowired
    private TestServer server;
    @Autowired
    private Notifications notifications;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private OutboxDelivery delivery;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DataSource dataSource;

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
    void aSendRefusedOutsideTheWindow_writesNoEvent() {
        subscribers.subscribe(api, ALL);

        Response refused = api.sendText(channel, CUSTOMER, "Hello?");

        assertThat(refused.errorCode()).isEqualTo("131047");
        assertThat(events(api)).isZero();
    }

    @Test
    void anEventOfAChangeThatRollsBack_isNotWritten_andOneThatCommits_is() {
        subscribers.subscribe(api, "message.received");
        long channelId = jdbc.sql("select id from channels where phone_number_id = :channel")
                .param("channel", channel).query(Long.class).single();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> {
            notifications.publish(api.accountId(), channelId, EventType.MESSAGE_RECEIVED, Map.of("text", "undone"));
            status.setRollbackOnly();
        });
        long afterRollback = events(api);
        transaction.executeWithoutResult(status ->
                notifications.publish(api.accountId(), channelId, EventType.MESSAGE_RECEIVED, Map.of("text", "kept")));

        assertThat(afterRollback).isZero();
        assertThat(events(api)).isEqualTo(1);
    }

    @Test
    void anEvent_isWrittenOnlyWithinTheChangesTransaction() {
        assertThrows(IllegalTransactionStateException.class, () ->
                notifications.publish(api.accountId(), 1, EventType.MESSAGE_RECEIVED, Map.of("text", "alone")));
    }

    @Test
    void anotherAccountsEvents_andTypesNotAskedFor_areNotSent() {
        Subscriber statusesOnly = subscribers.subscribe(api, "message.status");
        Api other = server.anAccount().build();
        String otherChannel = other.channel();
        Subscriber otherAccounts = subscribers.subscribe(other, "message.received");

        customerWrites(api, channel, "wamid.o-1");
        customerWrites(other, otherChannel, "wamid.o-2");
        delivery.deliverDue();

        assertThat(events(api)).isZero();
        assertThat(statusesOnly.received()).isEmpty();
        assertThat(otherAccounts.received()).singleElement().satisfies(request -> {
            assertThat(request.json().path("account_id").asLong()).isEqualTo(other.accountId());
            assertThat(request.json().path("data").path("message_id").asString()).isEqualTo("wamid.o-2");
        });
    }

    @Test
    void anInactiveSubscription_getsNoNewEvents_andThoseItHasWaitUntilItIsActive() {
        Subscriber subscriber = subscribers.subscribe(api, "message.received");
        customerWrites(api, channel, "wamid.o-3");
        Api.expect(api.patch("/api/webhook-subscriptions/" + subscriber.id(), Map.of("active", false)), 200);

        customerWrites(api, channel, "wamid.o-4");
        int deliveredWhileInactive = delivery.deliverDue();
        Api.expect(api.patch("/api/webhook-subscriptions/" + subscriber.id(), Map.of("active", true)), 200);
        int deliveredOnceActive = delivery.deliverDue();

        assertThat(deliveredWhileInactive).isZero();
        assertThat(deliveredOnceActive).isEqualTo(1);
        assertThat(subscriber.received()).singleElement().satisfies(request ->
                assertThat(request.json().path("data").path("message_id").asString()).isEqualTo("wamid.o-3"));
    }

    @Test
    void theOutbox_carriesTheAccountAndTheChannel_asEveryTableOfConversationDataDoes() {
        List<String> columns = TestDatabase.columns(dataSource, "webhook_deliveries");

        assertThat(columns).contains("account_id", "channel_id");
    }

    private static void customerWrites(Api account, String phoneNumberId, String wamid) {
        Api.expect(account.webhook(payload(phoneNumberId, List.of(text(wamid, CUSTOMER, START, "Hi")), List.of())),
                200);
    }

    private long events(Api account) {
        return jdbc.sql("select count(*) from webhook_deliveries where account_id = :account")
                .param("account", account.accountId()).query(Long.class).single();
    }
}
