package dev.janela.server.connector;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.MessageState;
import dev.janela.server.conversation.Messages;
import dev.janela.server.conversation.StatusReport;
import dev.janela.server.testfixtures.AllAtOnce;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestConnector;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox's reports survive a stop: messages a process accepted but stopped before reporting are reported when
 * Janela starts again, and a report made twice (by a process still running, or two starting at once) counts once.
 */
@JanelaServerTest
class SandboxRestartTest {
    private static final List<String> CUSTOMERS = List.of("5521987650701", "5521987650702", "5521987650703");

    @Autowired
    private TestServer server;
    @Autowired
    private TestConnector connector;
    @Autowired
    private ConversationService conversations;
    @Autowired
    private Messages messages;
    @Autowired
    private Channels channels;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcClient jdbc;

    private Api api;

    @BeforeEach
    void accountWithATemplate() {
        api = server.anAccount().withApprovedTemplate("welcome", "en", "utility", "Welcome!").build();
        Api.expect(api.post("/api/webhook-subscriptions", Map.of("url", "http://localhost:9/janela-events",
                "events", List.of("message.status"))), 201);
    }

    @Test
    void messagesWhoseReportsWereLost_areReportedOnTheNextStart_andChargedOnce() {
        connector.holdReports();
        List<String> sent = CUSTOMERS.stream().map(this::sendWelcome).toList();
        assertThat(CUSTOMERS).allSatisfy(customer -> assertThat(state(customer)).isEqualTo("pending"));

        restart();

        assertThat(CUSTOMERS).allSatisfy(customer -> assertThat(state(customer)).isEqualTo("read"));
        assertThat(statusEvents()).isEqualTo(3L * sent.size());
        assertThat(api.get("/api/charges").json().path("charges")).hasSize(CUSTOMERS.size());
    }

    @Test
    void aMessageReportedHalfway_isReportedTheRestOfTheWay_eachStateOnce() {
        connector.holdReports();
        String wamid = sendWelcome(CUSTOMERS.get(0));
        conversations.applyStatus(channels.findByPhoneNumberId(api.channel()).orElseThrow(),
                StatusReport.of(wamid, MessageState.SENT, clock.instant()));

        restart();

        assertThat(state(CUSTOMERS.get(0))).isEqualTo("read");
        assertThat(statusEvents()).as("sent, delivered, read: each once").isEqualTo(3);
    }

    @Test
    void twoProcessesStartingAtOnce_reportEachMessageOnce() throws Exception {
        connector.holdReports();
        CUSTOMERS.forEach(this::sendWelcome);

        AllAtOnce.run(List.<Callable<Void>>of(this::restart, this::restart));

        assertThat(CUSTOMERS).allSatisfy(customer -> assertThat(state(customer)).isEqualTo("read"));
        assertThat(statusEvents()).isEqualTo(3L * CUSTOMERS.size());
    }

    @Test
    void aFailedMessage_staysFailed() {
        connector.holdReports();
        String wamid = sendWelcome(CUSTOMERS.get(0));
        api.webhook(payload(api.channel(), List.of(), List.of(status(wamid, "failed", clock.instant(),
                CUSTOMERS.get(0)))));

        restart();

        assertThat(state(CUSTOMERS.get(0))).isEqualTo("failed");
    }

    /** What a process starting does: a new sandbox, resumed, with no report owed before it resumes. */
    private Void restart() {
        SynchronousSandbox.create(conversations, messages, channels, clock).resume();
        return null;
    }

    private String sendWelcome(String customer) {
        return api.sendTemplate(api.channel(), customer, "welcome", "en").json().path("messages").path(0)
                .path("id").asString();
    }

    private String state(String customer) {
        return api.get("/api/channels/" + api.channel() + "/conversations/" + customer + "/messages").json()
                .path("messages").path(0).path("state").asString();
    }

    /** The status events written for the account's receiver: one for each state a message reached. */
    private long statusEvents() {
        return jdbc.sql("select count(*) from webhook_deliveries where account_id = :account"
                + " and event_type = 'message.status'").param("account", api.accountId()).query(Long.class).single();
    }
}
