package dev.janela.server.conversation;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The story of DESIGN section 2, told through HTTP as Meta and a business would tell it: a customer writes, the
 * business answers, the window is renewed and then closes, templates open (and re-open) a business-initiated
 * session, and the customer's reply opens its window. Each step is checked in the window endpoint and the ledger.
 */
@JanelaServerTest
class SeedStoryTest {
    private static final String CUSTOMER = "5521987650001";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    private Api api;
    private String channel;

    @BeforeEach
    void channelWithRates() {
        api = server.anAccount()
                .withApprovedTemplate("order_update", "en", "utility", "Your order {{1}} has shipped.").build();
        channel = api.channel();
    }

    @Test
    void sessionsOpenRenewCloseAndAreChargedAsDesignSectionTwoSays() {
        Instant t0 = START;
        customerWrites("wamid.in1", t0);
        assertWindow(true, "user_initiated", "active", t0.plus(Duration.ofHours(24)));
        assertThat(charges()).extracting(charge -> charge.path("category").asString() + " "
                + charge.path("amount").asString()).containsExactly("user_initiated 0.0068");

        at(t0.plus(Duration.ofHours(1)));
        assertThat(sendText("Thanks, we are on it").status()).isEqualTo(200);

        customerWrites("wamid.in2", t0.plus(Duration.ofHours(20)));
        assertWindow(true, "user_initiated", "active", t0.plus(Duration.ofHours(44)));

        at(t0.plus(Duration.ofHours(44)));
        Response refused = sendText("Are you still there?");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("131047");
        assertThat(window().path("open").asBoolean()).isFalse();
        assertThat(charges()).hasSize(1);

        at(t0.plus(Duration.ofHours(45)));
        assertThat(sendTemplate("A-1").status()).isEqualTo(200);
        assertWindow(false, "business_initiated", "pending", t0.plus(Duration.ofHours(44)));

        at(t0.plus(Duration.ofHours(47)));
        assertThat(sendTemplate("A-2").status()).isEqualTo(200);
        assertThat(sendText("Free text while pending").errorCode()).isEqualTo("131047");

        customerWrites("wamid.in3", t0.plus(Duration.ofHours(50)));
        assertWindow(true, "business_initiated", "active", t0.plus(Duration.ofHours(74)));
        at(t0.plus(Duration.ofHours(51)));
        assertThat(sendText("Glad it arrived").status()).isEqualTo(200);

        assertThat(charges()).extracting(charge -> charge.path("at").asString() + " "
                + charge.path("category").asString() + " " + charge.path("amount").asString()).containsExactly(
                        "2026-03-02T09:00:00.000000Z user_initiated 0.0068",
                        "2026-03-04T06:00:00.000000Z business_initiated 0.0625",
                        "2026-03-04T08:00:00.000000Z business_initiated 0.0625");
        assertThat(api.get("/api/charges", "text/csv").body().lines().skip(1)).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("," + channel + ",+" + CUSTOMER + ",BR,"));
    }

    private void customerWrites(String wamid, Instant at) {
        clock.set(at);
        Response delivered = api.webhook(payload(channel, List.of(text(wamid, CUSTOMER, at, "Hello")), List.of()));
        assertThat(delivered.status()).as("webhook %s", delivered).isEqualTo(200);
    }

    private void at(Instant now) {
        clock.set(now);
    }

    private Response sendText(String body) {
        return api.sendText(channel, CUSTOMER, body);
    }

    private Response sendTemplate(String order) {
        return api.sendTemplate(channel, CUSTOMER, "order_update", "en", order);
    }

    private JsonNode window() {
        Response window = api.get("/api/channels/" + channel + "/conversations/" + CUSTOMER + "/window");
        assertThat(window.status()).as("window %s", window).isEqualTo(200);
        return window.json();
    }

    private void assertWindow(boolean open, String type, String status, Instant expiresAt) {
        JsonNode window = window();
        assertThat(window.path("open").asBoolean()).as("open in %s", window).isEqualTo(open);
        assertThat(window.path("session").path("type").asString()).as("type in %s", window).isEqualTo(type);
        assertThat(window.path("session").path("status").asString()).as("status in %s", window).isEqualTo(status);
        assertThat(Instant.parse(window.path("window_expires_at").asString())).isEqualTo(expiresAt);
        long left = open ? Duration.between(clock.instant(), expiresAt).toSeconds() : 0;
        assertThat(window.path("seconds_left").asLong()).isEqualTo(left);
    }

    private List<JsonNode> charges() {
        Response page = api.get("/api/charges?channel=" + channel);
        assertThat(page.status()).as("charges %s", page).isEqualTo(200);
        return page.json().path("charges").valueStream().toList();
    }
}
