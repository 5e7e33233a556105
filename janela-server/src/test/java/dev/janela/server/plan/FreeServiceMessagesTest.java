package dev.janela.server.plan;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.status;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestConnector;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Under pmp-2026 each business number sends some service messages free a month; the server counts and says so. */
@JanelaServerTest
class FreeServiceMessagesTest {
    private static final String CUSTOMER = "5521987650501";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private TestConnector connector;

    private Api api;
    private String channel;

    @BeforeEach
    void anAccountPricedAsMetaPricesToday_withTwoFreeServiceMessagesANumber() {
        api = server.anAccount().pricedAsOctober2026(2).build();
        channel = api.channel();
        api.webhook(payload(channel, List.of(text("wamid.fs-in", CUSTOMER, clock.instant(), "Oi")), List.of()));
    }

    @Test
    void theWindowSaysWhatAReplyCosts_freeWhileTheAllowanceLasts_thenTheServicePrice() {
        JsonNode first = replyCost();
        api.sendText(channel, CUSTOMER, "One");
        api.sendText(channel, CUSTOMER, "Two");
        JsonNode third = replyCost();
        clock.advance(Duration.ofHours(25));

        assertThat(first.path("charged").asBoolean()).isFalse();
        assertThat(first.path("free_allowance").path("used").asLong()).isZero();
        assertThat(first.path("free_allowance").path("of").asLong()).isEqualTo(2);
        assertThat(third.path("charged").asBoolean()).isTrue();
        assertThat(third.path("amount").asString()).isEqualTo("0.0068");
        assertThat(third.path("free_allowance").path("used").asLong()).isEqualTo(2);
        assertThat(replyCost().isNull()).as("no reply may be sent once the window closes").isTrue();
    }

    @Test
    void aServiceMessageThatFails_givesItsFreeOneBack() {
        connector.holdReports();
        String wamid = api.sendText(channel, CUSTOMER, "Lost").json().path("messages").path(0).path("id").asString();
        long usedBefore = replyCost().path("free_allowance").path("used").asLong();

        api.webhook(payload(channel, List.of(), List.of(status(wamid, "failed", clock.instant(), CUSTOMER))));

        assertThat(usedBefore).isEqualTo(1);
        assertThat(replyCost().path("free_allowance").path("used").asLong()).isZero();
    }

    @Test
    void theCostsReport_saysHowManyFreeServiceMessagesEachNumberUsedEachMonth() {
        api.sendText(channel, CUSTOMER, "One");

        JsonNode uses = api.get("/api/reports/costs?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z").json()
                .path("free_service_messages");

        assertThat(uses).hasSize(1);
        assertThat(uses.path(0).path("channel").asString()).isEqualTo(channel);
        assertThat(uses.path(0).path("month").asString()).isEqualTo("2026-03");
        assertThat(uses.path(0).path("used").asLong()).isEqualTo(1);
        assertThat(uses.path(0).path("of").asLong()).isEqualTo(2);
    }

    private JsonNode replyCost() {
        return api.get("/api/channels/" + channel + "/conversations/" + CUSTOMER + "/window").json()
                .path("reply_cost");
    }
}
