package dev.janela.server.notify;

import static dev.janela.server.testfixtures.TestServer.BRAZIL_RATES;
import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Webhooks in the browser: a receiver added (its secret shown once), its delivery log, and a redelivery. */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class WebhookPagesTest {
    private static final String PASSWORD = "webhooks password";

    @Autowired
    private TestServer server;
    @Autowired
    private OutboxDelivery delivery;

    private Api api;
    private String admin;
    private Receiver receiver;

    @BeforeEach
    void anAdminAndAReceiver() {
        api = server.newAccount();
        admin = "admin." + UUID.randomUUID() + "@example.com";
        api.addUser(admin, "admin", PASSWORD);
        receiver = Receiver.start();
    }

    @AfterEach
    void unsubscribe() {
        api.get("/api/webhook-subscriptions").json().path("webhook_subscriptions").forEach(subscription ->
                api.delete("/api/webhook-subscriptions/" + subscription.path("id").asLong()));
        receiver.stop();
    }

    @Test
    void aReceiverAdded_showsItsSecretOnce_thenItsLogRedeliversAnEvent(Browser browser) {
        browser.signIn(admin, PASSWORD).open("/webhook-subscriptions");

        browser.find(By.name("url")).sendKeys(receiver.url());
        browser.find(By.cssSelector("input[name=events][value='message.received']")).click();
        browser.follow(By.cssSelector("form[action='/webhook-subscriptions'] button"));

        String secret = browser.find(By.cssSelector(".created code.secret")).getText();
        assertThat(secret).startsWith("whsec_");
        browser.screenshot("webhooks");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).isZero();
        assertThat(browser.offScreen(By.cssSelector("main button"))).isEmpty();
        browser.screenshot("webhooks-phone");
        customerWrites();
        delivery.deliverDue();
        browser.open("/webhook-subscriptions");
        assertThat(browser.findAll(By.cssSelector("code.secret"))).as("shown once").isEmpty();
        browser.follow(By.linkText(receiver.url()));
        assertThat(browser.find(By.cssSelector("table.deliveries tbody")).getText()).contains("message.received",
                "delivered");
        browser.follow(By.cssSelector("table.deliveries button"));
        assertThat(browser.find(By.cssSelector("table.deliveries tbody")).getText()).contains("pending");
        browser.screenshot("webhook-deliveries");
        delivery.deliverDue();
        assertThat(receiver.received()).hasSize(2).extracting(request -> request.header("X-Janela-Delivery"))
                .containsOnly(receiver.received().get(0).header("X-Janela-Delivery"));
    }

    @Test
    void aReceiverWithoutEvents_isRefused_andTheFormKeepsItsUrl(Browser browser) {
        browser.signIn(admin, PASSWORD).open("/webhook-subscriptions");

        browser.find(By.name("url")).sendKeys(receiver.url());
        browser.follow(By.cssSelector("form[action='/webhook-subscriptions'] button"));

        assertThat(browser.find(By.cssSelector(".notice.error")).getText()).contains("events");
        assertThat(browser.find(By.name("url")).getDomProperty("value")).isEqualTo(receiver.url());
        assertThat(api.get("/api/webhook-subscriptions").json().path("webhook_subscriptions").isEmpty()).isTrue();
    }

    @Test
    void theWebhooksPage_isForAdminsOnly(Browser browser) {
        String agent = "agent." + UUID.randomUUID() + "@example.com";
        api.addUser(agent, "agent", PASSWORD);
        browser.signIn(agent, PASSWORD);

        browser.open("/webhook-subscriptions");

        assertThat(browser.status()).contains(403L);
        assertThat(browser.postWithoutCsrfToken("/webhook-subscriptions", "url=http://127.0.0.1/x&events="
                + "message.received")).isEqualTo(403);
    }

    private void customerWrites() {
        String channel = api.addChannel();
        api.uploadRates(BRAZIL_RATES);
        Api.expect(api.webhook(payload(channel, List.of(text("wamid.page-1", "5521987651601", START, "Hi")),
                List.of())), 200);
    }
}
