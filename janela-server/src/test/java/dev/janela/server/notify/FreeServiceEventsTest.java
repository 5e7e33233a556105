package dev.janela.server.notify;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The business hears when a number has used 80% of its free service messages of the month, and when it used all. */
@JanelaServerTest
class FreeServiceEventsTest {
    private static final String CUSTOMER = "5521987650601";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcClient jdbc;
    @RegisterExtension
    final Subscribers subscribers = new Subscribers();

    @Test
    void theEightyPercentAndTheLastFreeServiceMessage_eachMakeOneEvent() {
        Api api = server.anAccount().pricedAsOctober2026(5).build();
        String channel = api.channel();
        subscribers.subscribe(api, "free_service.threshold");
        api.webhook(payload(channel, List.of(text("wamid.fe-in", CUSTOMER, clock.instant(), "Oi")), List.of()));

        for (int reply = 1; reply <= 7; reply++) {
            api.sendText(channel, CUSTOMER, "Reply " + reply);
        }

        List<String> bodies = jdbc.sql("select body from webhook_deliveries where account_id = :account"
                + " and event_type = 'free_service.threshold' order by id").param("account", api.accountId())
                .query(String.class).list();
        JsonMapper json = JsonMapper.builder().build();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.stream().map(body -> json.readTree(body).path("data"))
                .map(data -> data.path("percent").asInt() + "% " + data.path("used").asLong() + "/"
                        + data.path("of").asLong() + " " + data.path("channel").asString()))
                .containsExactly("80% 4/5 " + channel, "100% 5/5 " + channel);
    }
}
