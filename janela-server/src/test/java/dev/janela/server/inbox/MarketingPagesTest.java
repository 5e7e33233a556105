package dev.janela.server.inbox;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.FormClient;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The conversation's page over HTTP: the customer's marketing consent beside the thread, and the agent who talks to
 * them opting them out and back in, recorded with who did it.
 */
@JanelaServerTest
class MarketingPagesTest {
    private static final String PASSWORD = "marketing password";
    private static final String CUSTOMER = "5511987650081";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    private Api api;
    private FormClient agent;
    private String agentEmail;
    private String page;

    @BeforeEach
    void aConversationAndAnAgent() {
        api = server.anAccount().build();
        agentEmail = "agent." + UUID.randomUUID() + "@example.com";
        api.addUser(agentEmail, "agent", PASSWORD);
        agent = new FormClient(api.base());
        agent.signIn(agentEmail, PASSWORD);
        page = "/inbox/" + api.channel() + "/" + CUSTOMER;
    }

    @Test
    void theConversation_showsTheCustomerMayReceiveMarketing_withAButtonToOptThemOut() {
        customerWrites("wamid.m1", "Hi");

        String body = agent.get(page).body();

        assertThat(body).contains("May receive marketing templates.").contains("Opt out of marketing");
    }

    @Test
    void aStopWord_isShownWithTheWordAndWhen() {
        customerWrites("wamid.m1", "Sair");

        String body = agent.get(page).body();

        assertThat(body).contains("Opted out of marketing").contains("They wrote SAIR.")
                .contains("datetime=\"2026-03-02T09:00:00Z\"").contains("Opt back in to marketing");
    }

    @Test
    void anAgent_optsTheCustomerOut_andBackIn_recordedWithTheirAddress() {
        customerWrites("wamid.m1", "Hi");

        Response out = agent.post(page, page + "/marketing", Map.of("optedOut", "true"));
        Response in = agent.post(page, page + "/marketing", Map.of("optedOut", "false"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.body()).contains("id=\"marketing\"").contains("Marked by " + agentEmail + ".")
                .doesNotContain("<html");
        assertThat(in.body()).contains("Opted back in by " + agentEmail + ".");
        JsonNode history = api.get("/api/customers/" + CUSTOMER + "/marketing").json().path("history");
        assertThat(history).hasSize(2);
        assertThat(history.path(1).path("source").asString()).isEqualTo("agent");
        assertThat(history.path(1).path("opted_out").asBoolean()).isTrue();
    }

    @Test
    void theCard_isInPortuguese() {
        customerWrites("wamid.m1", "Hi");

        assertThat(agent.get(page + "?lang=pt-BR").body()).contains("Pode receber modelos de marketing.")
                .contains("Tirar do marketing");
    }

    private void customerWrites(String wamid, String body) {
        Api.expect(api.webhook(payload(api.channel(), List.of(text(wamid, CUSTOMER, clock.instant(), body)),
                List.of())), 200);
    }
}
